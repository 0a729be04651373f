//! Tables of the programme: series, webinars and their sessions, replays, modules and lessons.

diesel::table! {
    series (id) {
        id -> BigInt,
        slug -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    series_translations (series_id, locale) {
        series_id -> BigInt,
        locale -> Text,
        title -> Text,
        summary -> Text,
    }
}

diesel::table! {
    webinars (id) {
        id -> BigInt,
        series_id -> Nullable<BigInt>,
        slug -> Text,
        position -> Integer,
        published -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        share_image_key -> Nullable<Text>,
    }
}

diesel::table! {
    webinar_translations (webinar_id, locale) {
        webinar_id -> BigInt,
        locale -> Text,
        title -> Text,
        summary -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        webinar_id -> BigInt,
        starts_at -> Timestamp,
        timezone -> Text,
        duration_minutes -> Integer,
        capacity -> Integer,
        confirmed_count -> Integer,
        meeting_url -> Text,
        languages -> Text,
        reminder_offsets -> Text,
        sequence -> Integer,
        published -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    replays (id) {
        id -> BigInt,
        webinar_id -> BigInt,
        session_id -> Nullable<BigInt>,
        locale -> Text,
        video_url -> Text,
        duration_s -> Nullable<Integer>,
        published -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    replay_captions (replay_id, locale) {
        replay_id -> BigInt,
        locale -> Text,
        url -> Text,
    }
}

diesel::table! {
    replay_views (id) {
        id -> BigInt,
        webinar_id -> BigInt,
        locale -> Text,
        viewed_at -> Timestamp,
    }
}

diesel::table! {
    modules (id) {
        id -> BigInt,
        slug -> Text,
        position -> Integer,
        published -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    module_translations (module_id, locale) {
        module_id -> BigInt,
        locale -> Text,
        title -> Text,
        summary -> Text,
    }
}

diesel::table! {
    lessons (id) {
        id -> BigInt,
        module_id -> BigInt,
        position -> Integer,
        duration_s -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    lesson_translations (lesson_id, locale) {
        lesson_id -> BigInt,
        locale -> Text,
        title -> Text,
        body -> Text,
        video_url -> Text,
        captions_url -> Nullable<Text>,
    }
}

diesel::table! {
    speakers (id) {
        id -> BigInt,
        full_name -> Text,
        organisation -> Text,
        city -> Text,
        country -> Text,
        photo_key -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    speaker_translations (speaker_id, locale) {
        speaker_id -> BigInt,
        locale -> Text,
        function -> Text,
        bio -> Text,
    }
}

diesel::table! {
    webinar_speakers (webinar_id, speaker_id) {
        webinar_id -> BigInt,
        speaker_id -> BigInt,
        role -> Text,
        position -> Integer,
    }
}

diesel::table! {
    session_speakers (session_id, speaker_id) {
        session_id -> BigInt,
        speaker_id -> BigInt,
        role -> Text,
        position -> Integer,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> BigInt,
        session_id -> BigInt,
        offset_minutes -> Integer,
        speaker_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    agenda_item_translations (item_id, locale) {
        item_id -> BigInt,
        locale -> Text,
        title -> Text,
    }
}
