//! Contact lists for invitation campaigns: CSV text (comma or semicolon, optional BOM,
//! any column order with a header) or an XLSX workbook (same columns, same checks)
//! becomes typed contacts and a report in which every row is accounted for: valid,
//! invalid (line and reason), or merged as a duplicate.

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

/// An uploaded contact list, as the organiser sent it.
#[derive(Clone, Debug)]
pub enum ContactFile {
    /// CSV text (UTF-8, optional BOM, `,` or `;`).
    Csv(String),
    /// An Excel workbook (`.xlsx`): the first worksheet is read.
    Xlsx(Vec<u8>),
}

impl ContactFile {
    /// Decides from the content: a ZIP archive (`PK\x03\x04`) is a workbook, anything
    /// else must be CSV text in UTF-8 (Windows-1252 from older spreadsheets is converted).
    pub fn from_upload(bytes: Vec<u8>) -> ContactFile {
        if bytes.starts_with(b"PK\x03\x04") {
            return ContactFile::Xlsx(bytes);
        }
        match String::from_utf8(bytes) {
            Ok(text) => ContactFile::Csv(text),
            Err(e) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
                ContactFile::Csv(text.into_owned())
            }
        }
    }
}

/// Parses a contact list of either kind; `default_locale` applies to rows without a
/// language.
pub fn parse(file: &ContactFile, default_locale: Locale) -> Result<ContactList, ListError> {
    match file {
        ContactFile::Csv(text) => parse_csv(text, default_locale),
        ContactFile::Xlsx(bytes) => parse_xlsx(bytes, default_locale),
    }
}

/// One row as read from the file: its line (or spreadsheet row) number and its cells,
/// or the line of a row that could not be read at all.
type RawRow = Result<(u64, Vec<String>), u64>;

/// Parses a CSV contact list; `default_locale` applies to rows without a language.
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
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| ListError("admin-contacts-error-unreadable"))?
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().enumerate().map(|(i, r)| match r {
        Ok(rec) => {
            let line = rec.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
            Ok((line, rec.iter().map(str::to_owned).collect()))
        }
        Err(e) => Err(e.position().map(|p| p.line()).unwrap_or(i as u64 + 2)),
    });
    from_rows(&headers, rows, default_locale)
}

/// Parses the first worksheet of an `.xlsx` workbook: the first non-empty row is the
/// header; line numbers are the spreadsheet's row numbers.
pub fn parse_xlsx(bytes: &[u8], default_locale: Locale) -> Result<ContactList, ListError> {
    use calamine::{Reader, Xlsx};
    let unreadable = ListError("admin-contacts-error-unreadable-xlsx");
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| unreadable)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(unreadable)?
        .map_err(|_| unreadable)?;
    let first_row = u64::from(range.start().map(|(r, _)| r).unwrap_or(0)) + 1;
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        let mut values = vec![String::new(); first_col];
        values.extend(cells.iter().map(cell_text));
        (first_row + i as u64, values)
    });
    let headers = loop {
        match rows.next() {
            None => return Err(ListError("admin-contacts-error-no-email-column")),
            Some((_, cells)) if cells.iter().all(|c| c.trim().is_empty()) => continue,
            Some((_, cells)) => break cells,
        }
    };
    from_rows(&headers, rows.map(Ok), default_locale)
}

/// A spreadsheet cell as the text a person would read in it.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Turns rows under a header into contacts: every row ends up valid, invalid (with its
/// line and reason), merged as a duplicate, or skipped as blank.
fn from_rows(
    headers: &[String],
    rows: impl Iterator<Item = RawRow>,
    default_locale: Locale,
) -> Result<ContactList, ListError> {
    let columns: Vec<Option<Column>> = headers.iter().map(|h| column(h)).collect();
    if !columns.contains(&Some(Column::Email)) {
        return Err(ListError("admin-contacts-error-no-email-column"));
    }
    let mut list = ContactList::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (count, row) in rows.enumerate() {
        if count >= MAX_ROWS {
            return Err(ListError("admin-contacts-error-too-many"));
        }
        let (line, values) = match row {
            Ok(r) => r,
            Err(line) => {
                list.invalid.push(BadRow {
                    line,
                    reason: "admin-contacts-reason-unreadable",
                });
                continue;
            }
        };
        let cells: Vec<(Column, String)> = columns
            .iter()
            .zip(values)
            .filter_map(|(c, v)| c.map(|c| (c, v)))
            .collect();
        if cells.iter().all(|(_, v)| v.trim().is_empty()) {
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
mod tests;
