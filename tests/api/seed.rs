use convive::db::schema::{lessons, sessions, webinars};
use convive::db::seed::seed;
use diesel::prelude::*;

use crate::helpers::spawn_app;

fn count(app: &crate::helpers::TestApp) -> (i64, i64, i64) {
    let mut conn = app.db.conn().unwrap();
    (
        webinars::table.count().get_result(&mut *conn).unwrap(),
        sessions::table.count().get_result(&mut *conn).unwrap(),
        lessons::table.count().get_result(&mut *conn).unwrap(),
    )
}

#[tokio::test]
async fn seeding_twice_adds_nothing() {
    let app = spawn_app().await;
    let before = count(&app);
    assert_eq!(before.0, 5);
    assert_eq!(before.2, 12);
    let report = seed(&app.db).unwrap();
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(count(&app), before);
}
