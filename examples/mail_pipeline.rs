//! Mail pipeline benchmark: enqueue 10,000 mails in one transaction, then deliver them to
//! a local SMTP receiver (mailin-embedded) through the real worker, and report the rates.
//!
//! cargo run --release --example mail_pipeline [-- COUNT]
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench cargo run --release --example mail_pipeline

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use convive::db::write_transaction;
use convive::domain::{EmailAddress, Locale};
use convive::mail::MailKind;
use convive::mail::kinds::enqueue;
use convive::settings::Settings;
use convive::startup::open_database;
use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server};

#[derive(Clone)]
struct Counter(Arc<AtomicUsize>);

impl Handler for Counter {
    fn data_end(&mut self) -> Response {
        self.0.fetch_add(1, Ordering::Relaxed);
        OK
    }
}

fn main() -> anyhow::Result<()> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let received = Arc::new(AtomicUsize::new(0));
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let mut server = Server::new(Counter(received.clone()));
    server.with_num_threads(64).with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });

    let tmp = tempfile::tempdir()?;
    let settings = Settings {
        data_dir: tmp.path().to_owned(),
        database_url: std::env::var("DATABASE_URL").ok(),
        smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
        public_url: Some("http://127.0.0.1:8080".into()),
        ..Settings::default()
    };
    let db = open_database(&settings)?;
    let backend = format!("{:?}", db.backend);

    let started = Instant::now();
    let mut conn = db.conn()?;
    write_transaction(&mut conn, |c| {
        for i in 0..count {
            let to = EmailAddress::parse(&format!("official{i}@bench.example")).expect("valid");
            let locale = [Locale::Fr, Locale::En, Locale::Ar][i % 3];
            enqueue(c, &to, locale, &MailKind::Test)?;
        }
        Ok::<_, convive::db::DbError>(())
    })?;
    drop(conn);
    let enqueue_s = started.elapsed().as_secs_f64();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let deliver_s = runtime.block_on(async {
        let mailer = convive::mail::mailer(&settings, db.clone())?;
        let started = Instant::now();
        while mailer.process_batch().await? > 0 {}
        anyhow::Ok(started.elapsed().as_secs_f64())
    })?;
    let got = received.load(Ordering::Relaxed);
    println!("backend: {backend}");
    println!(
        "enqueue {count} mails (one transaction): {:.3} s ({:.0}/s)",
        enqueue_s,
        count as f64 / enqueue_s
    );
    println!(
        "deliver {got} mails to a local SMTP receiver: {:.2} s ({:.0} messages/s)",
        deliver_s,
        got as f64 / deliver_s
    );
    anyhow::ensure!(got == count, "received {got} of {count}");
    Ok(())
}
