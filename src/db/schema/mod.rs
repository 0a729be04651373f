// Shared by both backends: only types SQLite and PostgreSQL both have
// (BigInt ids, Integer, Text, Bool, Timestamp in UTC).
// Tables are declared by area in the files below and used as one namespace
// (`schema::sessions`, whichever file declares it); how they join is declared here, once.

mod outreach;
mod people;
mod programme;

pub use outreach::*;
pub use people::*;
pub use programme::*;

diesel::joinable!(series_translations -> series (series_id));
diesel::joinable!(webinars -> series (series_id));
diesel::joinable!(webinar_translations -> webinars (webinar_id));
diesel::joinable!(sessions -> webinars (webinar_id));
diesel::joinable!(user_tokens -> users (user_id));
diesel::joinable!(campaigns -> sessions (session_id));
diesel::joinable!(invitations -> campaigns (campaign_id));
diesel::joinable!(registrations -> sessions (session_id));
diesel::joinable!(registrations -> invitations (invitation_id));
diesel::joinable!(replays -> webinars (webinar_id));
diesel::joinable!(replay_captions -> replays (replay_id));
diesel::joinable!(module_translations -> modules (module_id));
diesel::joinable!(lessons -> modules (module_id));
diesel::joinable!(lesson_translations -> lessons (lesson_id));
diesel::joinable!(lesson_progress -> lessons (lesson_id));
diesel::joinable!(lesson_progress -> users (user_id));
diesel::joinable!(certificates -> modules (module_id));
diesel::joinable!(outbox -> campaigns (campaign_id));
diesel::joinable!(registration_reminders -> registrations (registration_id));
diesel::allow_tables_to_appear_in_same_query!(registrations, sessions);
diesel::allow_tables_to_appear_in_same_query!(invitations, campaigns);
diesel::allow_tables_to_appear_in_same_query!(user_tokens, users, lesson_progress);
diesel::allow_tables_to_appear_in_same_query!(sessions, webinars);
diesel::joinable!(replay_views -> webinars (webinar_id));
diesel::joinable!(registration_group_members -> registrations (registration_id));
diesel::joinable!(registration_group_members -> registration_groups (group_id));
diesel::allow_tables_to_appear_in_same_query!(
    registration_group_members,
    registration_groups,
    registrations
);
diesel::allow_tables_to_appear_in_same_query!(registration_group_members, sessions);
diesel::joinable!(announcements -> sessions (session_id));
diesel::joinable!(announcement_texts -> announcements (announcement_id));
diesel::joinable!(announcement_recipients -> announcements (announcement_id));
diesel::joinable!(speaker_translations -> speakers (speaker_id));
diesel::joinable!(webinar_speakers -> speakers (speaker_id));
diesel::joinable!(session_speakers -> speakers (speaker_id));
diesel::joinable!(agenda_item_translations -> agenda_items (item_id));
diesel::allow_tables_to_appear_in_same_query!(webinar_speakers, speakers);
diesel::allow_tables_to_appear_in_same_query!(session_speakers, speakers);
