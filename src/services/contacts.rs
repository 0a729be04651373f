//! Contact lists for invitation campaigns: CSV text (comma or semicolon, optional BOM,
//! any column order with a header) becomes typed contacts and a report in which every
//! row is accounted for: valid, invalid (line and reason), or merged as a duplicate.

use std::collections::HashMap;

use crate::domain::country::Country;
use crate::domain::{EmailAddress, Locale};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub line: u64,
    pub email: EmailAddress,
    pub name: String,
    pub locale: Locale,
    pub organisation: String,
    pub country: String,
}

/// A row that was not kept, with the Fluent id of the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub reason: &'static str,
}

#[derive(Clone, Debug, Default)]
pub struct ContactList {
    pub contacts: Vec<Contact>,
    pub invalid: Vec<BadRow>,
    /// Lines merged into an earlier row with the same address.
    pub duplicate_lines: Vec<u64>,
}

/// The whole file is unusable (Fluent id of the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unusable contact list: {0}")]
pub struct ListError(pub &'static str);

pub const MAX_ROWS: usize = 50_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Email,
    Name,
    Language,
    Organisation,
    Country,
}

fn column(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    Some(match h.as_str() {
        "email" | "mail" | "courriel" | "emailaddress" | "adressemail" | "adresseemail" => {
            Column::Email
        }
        "name" | "fullname" | "nom" | "nomcomplet" => Column::Name,
        "language" | "lang" | "locale" | "langue" => Column::Language,
        "organisation" | "organization" | "organisme" | "institution" => Column::Organisation,
        "country" | "pays" | "countrycode" => Column::Country,
        _ => return None,
    })
}

fn language(raw: &str, default: Locale) -> Option<Locale> {
    let l = raw.trim().to_lowercase();
    if l.is_empty() {
        return Some(default);
    }
    let base = l.split(['-', '_']).next().unwrap_or("");
    match (l.as_str(), base) {
        (_, "fr") | ("french" | "français" | "francais", _) => Some(Locale::Fr),
        (_, "en") | ("english" | "anglais", _) => Some(Locale::En),
        (_, "ar") | ("arabic" | "arabe" | "العربية", _) => Some(Locale::Ar),
        _ => None,
    }
}

/// Guesses the delimiter from the header line: `;` when it has more of them than `,`.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Parses a contact list; `default_locale` applies to rows without a language.
pub fn parse_csv(text: &str, default_locale: Locale) -> Result<ContactList, ListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Old Mac files end lines with a bare CR, which the CSV reader does not count as a
    // line: rows would be reported on the wrong (and the same) line.
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| ListError("admin-contacts-error-unreadable"))?
        .clone();
    let columns: Vec<Option<Column>> = headers.iter().map(column).collect();
    if !columns.contains(&Some(Column::Email)) {
        return Err(ListError("admin-contacts-error-no-email-column"));
    }
    let rows = reader.records().map(|r| {
        r.map(|rec| {
            let line = rec.position().map(|p| p.line()).unwrap_or(0);
            let cells: Vec<(Column, String)> = columns
                .iter()
                .zip(rec.iter())
                .filter_map(|(c, v)| c.map(|c| (c, v.to_owned())))
                .collect();
            (line, cells)
        })
    });
    let mut list = ContactList::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut count = 0;
    for (i, row) in rows.enumerate() {
        count += 1;
        if count > MAX_ROWS {
            return Err(ListError("admin-contacts-error-too-many"));
        }
        let (line, cells) = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
                list.invalid.push(BadRow {
                    line,
                    reason: "admin-contacts-reason-unreadable",
                });
                continue;
            }
        };
        if cells.iter().all(|(_, v)| v.is_empty()) {
            continue; // a blank line is not a contact
        }
        match contact(line, &cells, default_locale) {
            Err(reason) => list.invalid.push(BadRow { line, reason }),
            Ok(c) => {
                let key = c.email.as_str().to_lowercase();
                if let Some(&at) = seen.get(&key) {
                    merge(&mut list.contacts[at], c);
                    list.duplicate_lines.push(line);
                } else {
                    seen.insert(key, list.contacts.len());
                    list.contacts.push(c);
                }
            }
        }
    }
    Ok(list)
}

fn contact(
    line: u64,
    cells: &[(Column, String)],
    default: Locale,
) -> Result<Contact, &'static str> {
    let get = |col: Column| {
        cells
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    };
    let raw_email = get(Column::Email);
    if raw_email.is_empty() {
        return Err("admin-contacts-reason-missing-email");
    }
    let email = EmailAddress::parse(raw_email).map_err(|_| "admin-contacts-reason-bad-email")?;
    let locale =
        language(get(Column::Language), default).ok_or("admin-contacts-reason-bad-language")?;
    let raw_country = get(Column::Country);
    let country = if raw_country.is_empty() {
        String::new()
    } else {
        Country::parse(raw_country)
            .ok_or("admin-contacts-reason-bad-country")?
            .code()
            .to_owned()
    };
    let name = plain_text(get(Column::Name));
    let organisation = plain_text(get(Column::Organisation));
    if name.chars().count() > 200 || organisation.chars().count() > 200 {
        return Err("admin-contacts-reason-too-long");
    }
    Ok(Contact {
        line,
        email,
        name,
        locale,
        organisation,
        country,
    })
}

/// Control characters (line breaks inside quoted cells, NUL, which PostgreSQL refuses
/// in text) become spaces; runs of white space become one.
pub fn plain_text(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A duplicate fills what the first row left empty.
fn merge(first: &mut Contact, other: Contact) {
    if first.name.is_empty() {
        first.name = other.name;
    }
    if first.organisation.is_empty() {
        first.organisation = other.organisation;
    }
    if first.country.is_empty() {
        first.country = other.country;
    }
}

#[cfg(test)]
mod tests {
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
}
