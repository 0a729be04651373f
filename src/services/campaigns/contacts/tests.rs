use super::*;

#[test]
fn any_order_semicolons_bom_and_every_bad_row_reported() {
    let text = "\u{feff}Pays;Nom;Email;Langue;Organisation\n\
                MA;Amina;amina@fes.ma;ar;Ville de Fès\n\
                FR;Jean;not-an-address;fr;Montpellier\n\
                TN;Sami;sami@sfax.tn;klingon;Sfax\n\
                ZZ;Zed;zed@x.org;en;X\n\
                ;;;;\n\
                ;Amina B;AMINA@FES.MA;ar;\n\
                ;Nobody;;en;\n";
    let list = parse_csv(text, Locale::Fr).unwrap();
    assert_eq!(list.contacts.len(), 1);
    assert_eq!(list.contacts[0].locale, Locale::Ar);
    assert_eq!(list.contacts[0].country, "MA");
    let reasons: Vec<_> = list.invalid.iter().map(|b| (b.line, b.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (3, "admin-contacts-reason-bad-email"),
            (4, "admin-contacts-reason-bad-language"),
            (5, "admin-contacts-reason-bad-country"),
            (8, "admin-contacts-reason-missing-email"),
        ]
    );
    assert_eq!(list.duplicate_lines, vec![7]);
}

#[test]
fn commas_quotes_and_missing_email_column() {
    let list = parse_csv(
        "email,name,organisation\n\"a@b.org\",\"Doe, Jane\",\"X\"\n",
        Locale::En,
    )
    .unwrap();
    assert_eq!(list.contacts[0].name, "Doe, Jane");
    assert_eq!(list.contacts[0].locale, Locale::En);
    assert_eq!(
        parse_csv("name;country\nA;FR\n", Locale::Fr).unwrap_err(),
        ListError("admin-contacts-error-no-email-column")
    );
}

#[test]
fn xlsx_rows_go_through_the_same_checks() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // The table starts at B3: line numbers are the spreadsheet's rows.
    for (c, h) in ["Langue", "Email", "Nom", "Pays"].iter().enumerate() {
        sheet.write_string(2, 1 + c as u16, *h).unwrap();
    }
    let rows = [
        ["ar", "amina@fes.ma", "أمينة", "MA"],
        ["fr", "not-an-address", "Jean", "FR"],
        ["", "", "", ""],
        ["en", "AMINA@FES.MA", "Amina", ""],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(3 + r as u32, 1 + c as u16, *v).unwrap();
            }
        }
    }
    sheet.write_number(8, 2, 33612345678.0).unwrap();
    sheet.write_string(8, 1, "fr").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let list = parse(&ContactFile::from_upload(bytes), Locale::Fr).unwrap();
    assert_eq!(list.contacts.len(), 1);
    assert_eq!(list.contacts[0].name, "أمينة");
    assert_eq!(list.contacts[0].line, 4);
    let reasons: Vec<_> = list.invalid.iter().map(|b| (b.line, b.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (5, "admin-contacts-reason-bad-email"),
            (9, "admin-contacts-reason-bad-email"),
        ]
    );
    assert_eq!(list.duplicate_lines, vec![7]);
    assert_eq!(
        parse(
            &ContactFile::Xlsx(b"PK\x03\x04garbage".to_vec()),
            Locale::Fr
        )
        .unwrap_err(),
        ListError("admin-contacts-error-unreadable-xlsx")
    );
}

#[test]
fn windows_1252_text_is_read() {
    let file = ContactFile::from_upload(b"email;name\nh@v.fr;H\xe9l\xe8ne\n".to_vec());
    let list = parse(&file, Locale::Fr).unwrap();
    assert_eq!(list.contacts[0].name, "Hélène");
}
