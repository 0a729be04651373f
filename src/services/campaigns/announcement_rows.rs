//! The stored rows of an announcement, as its pages show them.

/// A sent announcement, and one of its texts (a language's subject and body).
pub use crate::db::announcements::{Announcement, AnnouncementText};
