//! What a person consents to when they register or open an account.

/// Version of the privacy notice's wording (`/{lang}/privacy`): the consent recorded
/// with every registration and account names it.
pub const NOTICE_VERSION: &str = "2026-11";
