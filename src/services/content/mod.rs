//! The programme's content: webinars and modules as the public sees them, and as
//! organisers edit them (texts in fr/en/ar, lessons, replays).

pub mod editing;
pub mod lessons;
pub mod lookup;
pub mod programme;
pub mod replay_views;
pub mod replays;
pub mod replays_admin;
pub mod share_image;
pub mod sitemap;
