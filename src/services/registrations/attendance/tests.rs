use super::*;

#[test]
fn attendee_lists_in_any_shape() {
    let list = "\u{feff}Name;Join time;Attendee Email\nA;10:00;a@x.org\n;;\nB;10:02;B@X.org\n";
    let rows = parse_attendees(list.as_bytes()).unwrap();
    assert_eq!(
        rows,
        vec![(2, "a@x.org".to_owned()), (4, "B@X.org".to_owned())]
    );
    assert_eq!(
        parse_attendees(b"name,joined\nA,1\n"),
        Err("admin-attendance-error-no-email-column")
    );
}
