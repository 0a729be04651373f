//! A registration to a live session: what a registrant submits, parsed into typed
//! values, and the states it moves through (pending → confirmed / waitlisted →
//! cancelled; waitlisted → confirmed by promotion).

use super::country::Country;
use super::{EmailAddress, Locale, TimeZone};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Pending,
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Waitlisted => "waitlisted",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "pending" => Status::Pending,
            "confirmed" => Status::Confirmed,
            "waitlisted" => Status::Waitlisted,
            "cancelled" => Status::Cancelled,
            _ => return None,
        })
    }

    /// Holds (or waits for) a seat.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Confirmed | Status::Waitlisted)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    ElectedOfficial,
    CivilServant,
    Other,
}

impl Function {
    pub const ALL: [Function; 3] = [
        Function::ElectedOfficial,
        Function::CivilServant,
        Function::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Function::ElectedOfficial => "elected_official",
            Function::CivilServant => "civil_servant",
            Function::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }
}

/// What a registrant types, as received (form or JSON).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RegistrationInput {
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub territory: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub timezone: String,
    #[serde(default)]
    pub consent: bool,
    #[serde(default)]
    pub announcements: bool,
    /// Honeypot: a field people never see (hidden by CSS, out of the tab order) and
    /// robots fill in.
    #[serde(default)]
    pub website: String,
}

impl RegistrationInput {
    /// True when the honeypot was filled: answered as a success, nothing registered.
    pub fn is_robot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

/// A registration that passed every check.
#[derive(Clone, Debug)]
pub struct NewRegistration {
    pub full_name: String,
    pub email: EmailAddress,
    pub organisation: String,
    pub function: Function,
    pub territory: String,
    pub country: Country,
    pub locale: Locale,
    pub timezone: TimeZone,
    pub announcements: bool,
}

/// (field, Fluent message id) for each field that did not pass.
pub type Problems = Vec<(&'static str, &'static str)>;

fn text(raw: &str, max: usize) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("field-required");
    }
    if s.chars().count() > max {
        return Err("field-too-long");
    }
    if s.chars().any(|c| c.is_control()) {
        return Err("field-invalid-characters");
    }
    Ok(s.to_owned())
}

impl RegistrationInput {
    pub fn parse(&self) -> Result<NewRegistration, Problems> {
        let mut problems = Problems::new();
        let mut check = |field: &'static str, r: Result<(), &'static str>| {
            if let Err(id) = r {
                problems.push((field, id));
            }
        };
        let full_name = text(&self.full_name, 120);
        check("full_name", full_name.as_ref().map(|_| ()).map_err(|e| *e));
        let email = EmailAddress::parse(&self.email);
        check(
            "email",
            email
                .as_ref()
                .map(|_| ())
                .map_err(|_| "field-email-invalid"),
        );
        let organisation = text(&self.organisation, 200);
        check(
            "organisation",
            organisation.as_ref().map(|_| ()).map_err(|e| *e),
        );
        let function = Function::parse(&self.function);
        check("function", function.map(|_| ()).ok_or("field-choose-one"));
        let territory = text(&self.territory, 120);
        check("territory", territory.as_ref().map(|_| ()).map_err(|e| *e));
        let country = Country::parse(&self.country);
        check("country", country.map(|_| ()).ok_or("field-choose-one"));
        let locale = self.locale.parse::<Locale>().ok();
        check("locale", locale.map(|_| ()).ok_or("field-choose-one"));
        let timezone = TimeZone::parse(&self.timezone);
        check(
            "timezone",
            timezone
                .as_ref()
                .map(|_| ())
                .map_err(|_| "field-timezone-invalid"),
        );
        check(
            "consent",
            if self.consent {
                Ok(())
            } else {
                Err("field-consent-required")
            },
        );
        match (
            full_name,
            email,
            organisation,
            function,
            territory,
            country,
            locale,
            timezone,
        ) {
            (
                Ok(full_name),
                Ok(email),
                Ok(organisation),
                Some(function),
                Ok(territory),
                Some(country),
                Some(locale),
                Ok(timezone),
            ) if problems.is_empty() => Ok(NewRegistration {
                full_name,
                email,
                organisation,
                function,
                territory,
                country,
                locale,
                timezone,
                announcements: self.announcements,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegistrationInput {
        RegistrationInput {
            full_name: "Amina Benali".into(),
            email: "amina@sfax.example".into(),
            organisation: "Ville de Sfax".into(),
            function: "elected_official".into(),
            territory: "Sfax".into(),
            country: "TN".into(),
            locale: "ar".into(),
            timezone: "Africa/Tunis".into(),
            consent: true,
            announcements: false,
            website: String::new(),
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let r = valid().parse().unwrap();
        assert_eq!(r.function, Function::ElectedOfficial);
        assert_eq!(r.country.code(), "TN");
        assert_eq!(r.timezone.name(), "Africa/Tunis");
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let input = RegistrationInput {
            full_name: " ".into(),
            email: "nope".into(),
            country: "XX".into(),
            timezone: "Mars/Base".into(),
            consent: false,
            ..valid()
        };
        let problems = input.parse().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["full_name", "email", "country", "timezone", "consent"]
        );
    }

    #[test]
    fn control_characters_are_refused() {
        let input = RegistrationInput {
            full_name: "Amina\r\nBcc: x@y.z".into(),
            ..valid()
        };
        assert_eq!(
            input.parse().unwrap_err(),
            vec![("full_name", "field-invalid-characters")]
        );
    }
}
