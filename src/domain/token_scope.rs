//! What an API token may do. A token holds one or more scopes; each back office path
//! belongs to one area; a request is allowed when one of the token's scopes covers the
//! area and the kind of request (reading or writing). The organiser's role still
//! applies on top: a token never does more than its holder could.

use std::collections::BTreeSet;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenScope {
    /// Reads everything its holder may read; writes nothing.
    ReadOnly,
    /// Registrants: lists, exports, status and attendance.
    Registrants,
    /// Invitation campaigns, announcements and the mail log.
    Campaigns,
    /// Webinars, sessions, speakers, replays, modules and lessons.
    Content,
    /// Everything its holder may do, organisers and tokens included.
    Admin,
}

/// The part of the back office a path belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Registrants,
    Campaigns,
    Content,
    /// Organiser accounts and API tokens.
    Accounts,
    /// The dashboard, statistics and the audit log.
    Overview,
}

impl TokenScope {
    pub const ALL: [TokenScope; 5] = [
        TokenScope::ReadOnly,
        TokenScope::Registrants,
        TokenScope::Campaigns,
        TokenScope::Content,
        TokenScope::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::ReadOnly => "read",
            TokenScope::Registrants => "registrants",
            TokenScope::Campaigns => "campaigns",
            TokenScope::Content => "content",
            TokenScope::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Option<TokenScope> {
        let raw = raw.trim();
        TokenScope::ALL
            .into_iter()
            .find(|s| s.as_str() == raw || (raw == "read-only" && *s == TokenScope::ReadOnly))
    }

    fn covers(self, area: Area, writes: bool) -> bool {
        match self {
            TokenScope::Admin => true,
            TokenScope::ReadOnly => !writes,
            TokenScope::Registrants => area == Area::Registrants,
            TokenScope::Campaigns => area == Area::Campaigns,
            TokenScope::Content => area == Area::Content,
        }
    }
}

/// A token's scopes: never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenScopes(BTreeSet<TokenScope>);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScopesError {
    #[error("no scope given")]
    Empty,
    #[error("unknown scope {0:?}")]
    Unknown(String),
}

impl TokenScopes {
    pub fn full() -> TokenScopes {
        TokenScopes(BTreeSet::from([TokenScope::Admin]))
    }

    /// Scopes separated by commas or spaces, e.g. `registrants,campaigns`.
    pub fn parse(raw: &str) -> Result<TokenScopes, ScopesError> {
        let words = raw.split([',', ' ']).filter(|w| !w.trim().is_empty());
        let scopes = words
            .map(|w| TokenScope::parse(w).ok_or_else(|| ScopesError::Unknown(w.trim().to_owned())))
            .collect::<Result<BTreeSet<_>, _>>()?;
        TokenScopes::from_set(scopes)
    }

    pub fn from_set(scopes: BTreeSet<TokenScope>) -> Result<TokenScopes, ScopesError> {
        if scopes.is_empty() {
            Err(ScopesError::Empty)
        } else {
            Ok(TokenScopes(scopes))
        }
    }

    pub fn contains(&self, scope: TokenScope) -> bool {
        self.0.contains(&scope)
    }

    pub fn iter(&self) -> impl Iterator<Item = TokenScope> + '_ {
        self.0.iter().copied()
    }

    /// Whether a request of this kind in `area` is allowed. Organiser accounts and
    /// tokens are reachable with the admin scope only, even to read.
    pub fn allow(&self, area: Area, writes: bool) -> bool {
        if area == Area::Accounts {
            return self.contains(TokenScope::Admin);
        }
        self.iter().any(|s| s.covers(area, writes))
    }
}

impl fmt::Display for TokenScopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.iter().map(TokenScope::as_str).collect();
        f.write_str(&names.join(","))
    }
}

/// The area of a back office path, given what follows `/admin/` (e.g.
/// `sessions/12/attendance`). A path no rule names is treated as the accounts area,
/// so a new route is closed to narrow tokens until it is given its area.
pub fn area_of(rest: &str) -> Area {
    let mut parts = rest.trim_matches('/').split('/');
    let first = parts.next().unwrap_or("");
    let third = parts.nth(1).unwrap_or("");
    match (first, third) {
        ("" | "stats" | "audit", _) => Area::Overview,
        ("registrants" | "registrations", _) => Area::Registrants,
        ("sessions", "attendance" | "registrants") => Area::Registrants,
        ("sessions", "announcements") => Area::Campaigns,
        ("campaigns" | "announcements" | "mail" | "contacts", _) => Area::Campaigns,
        ("webinars" | "sessions" | "modules" | "lessons" | "replays" | "speakers", _) => {
            Area::Content
        }
        _ => Area::Accounts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_from_a_list_and_refuse_what_is_unknown() {
        let s = TokenScopes::parse("registrants, campaigns").unwrap();
        assert_eq!(s.to_string(), "registrants,campaigns");
        assert_eq!(TokenScopes::parse("read-only").unwrap().to_string(), "read");
        assert_eq!(TokenScopes::parse(" , "), Err(ScopesError::Empty));
        assert_eq!(
            TokenScopes::parse("content,everything"),
            Err(ScopesError::Unknown("everything".into()))
        );
    }

    #[test]
    fn each_path_belongs_to_its_area() {
        assert_eq!(area_of("registrants/export.csv"), Area::Registrants);
        assert_eq!(area_of("sessions/4/attendance"), Area::Registrants);
        assert_eq!(area_of("sessions/4/announcements"), Area::Campaigns);
        assert_eq!(area_of("sessions/4"), Area::Content);
        assert_eq!(area_of("campaigns/2/send"), Area::Campaigns);
        assert_eq!(area_of("webinars/x/replays"), Area::Content);
        assert_eq!(area_of("stats"), Area::Overview);
        assert_eq!(area_of("organisers"), Area::Accounts);
        assert_eq!(area_of("tokens/3/revoke"), Area::Accounts);
        assert_eq!(area_of("something-new"), Area::Accounts);
    }

    #[test]
    fn a_scope_covers_its_area_and_read_only_never_writes() {
        let read = TokenScopes::parse("read").unwrap();
        assert!(read.allow(Area::Registrants, false));
        assert!(!read.allow(Area::Registrants, true));
        assert!(!read.allow(Area::Accounts, false));
        let reg = TokenScopes::parse("registrants").unwrap();
        assert!(reg.allow(Area::Registrants, true));
        assert!(!reg.allow(Area::Campaigns, false));
        assert!(!reg.allow(Area::Overview, false));
        let admin = TokenScopes::full();
        assert!(admin.allow(Area::Accounts, true));
        assert!(admin.allow(Area::Content, true));
    }
}
