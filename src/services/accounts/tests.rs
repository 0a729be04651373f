use super::*;

#[test]
fn signups_parse_every_field() {
    let ok = SignupInput {
        email: " Amina@Example.ORG ".into(),
        password: "long enough password".into(),
        full_name: "  Amina   Benali ".into(),
        locale: "ar".into(),
        consent: true,
    };
    let s = Signup::parse(&ok).unwrap();
    assert_eq!(s.email.as_str(), "Amina@example.org");
    assert_eq!(s.full_name, "Amina Benali");
    assert_eq!(s.locale, Locale::Ar);

    let errors = Signup::parse(&SignupInput::default()).err().unwrap();
    let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        ["email", "password", "full_name", "locale", "consent"]
    );
    assert!(parse_name("<script>").is_err());
}
