// Shared by both backends: only types SQLite and PostgreSQL both have
// (BigInt ids, Integer, Text, Bool, Timestamp in UTC).

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
    users (id) {
        id -> BigInt,
        email -> Text,
        full_name -> Text,
        password_hash -> Text,
        role -> Text,
        locale -> Text,
        email_verified_at -> Nullable<Timestamp>,
        consent_version -> Nullable<Text>,
        consent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    user_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        token_hash -> Text,
        detail -> Nullable<Text>,
        expires_at -> Nullable<Timestamp>,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        name -> Text,
        session_id -> Nullable<BigInt>,
        whole_series -> Bool,
        status -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        report -> Text,
    }
}

diesel::table! {
    invitations (id) {
        id -> BigInt,
        campaign_id -> BigInt,
        email -> Text,
        full_name -> Text,
        locale -> Text,
        organisation -> Text,
        country -> Text,
        token_hash -> Text,
        status -> Text,
        queued_at -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        clicked_at -> Nullable<Timestamp>,
        unsubscribed_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        unsubscribe_token_hash -> Nullable<Text>,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        session_id -> BigInt,
        email -> Text,
        full_name -> Text,
        organisation -> Text,
        function -> Text,
        territory -> Text,
        country -> Text,
        locale -> Text,
        timezone -> Text,
        consent_version -> Text,
        consent_at -> Timestamp,
        announcements -> Bool,
        status -> Text,
        waitlisted_at -> Nullable<Timestamp>,
        confirm_token_hash -> Nullable<Text>,
        confirm_expires_at -> Nullable<Timestamp>,
        manage_token_hash -> Text,
        join_token_hash -> Text,
        invitation_id -> Nullable<BigInt>,
        attended -> Bool,
        join_clicked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        request_mailed_at -> Nullable<Timestamp>,
        token_seed -> Text,
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
    lesson_progress (user_id, lesson_id) {
        user_id -> BigInt,
        lesson_id -> BigInt,
        watched_intervals -> Text,
        watched_s -> Integer,
        position_s -> Integer,
        completed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    certificates (id) {
        id -> BigInt,
        user_id -> Nullable<BigInt>,
        module_id -> BigInt,
        code -> Text,
        full_name -> Text,
        locale -> Text,
        issued_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        kind -> Text,
        recipient -> Text,
        locale -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        campaign_id -> Nullable<BigInt>,
        invitation_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    suppressions (email_hash) {
        email_hash -> Text,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        action -> Text,
        subject -> Text,
        detail -> Text,
        created_at -> Timestamp,
    }
}

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

diesel::table! {
    registration_reminders (registration_id, minutes_before) {
        registration_id -> BigInt,
        minutes_before -> Integer,
        queued_at -> Timestamp,
    }
}

diesel::joinable!(registration_reminders -> registrations (registration_id));

diesel::allow_tables_to_appear_in_same_query!(registrations, sessions);
diesel::allow_tables_to_appear_in_same_query!(invitations, campaigns);
diesel::allow_tables_to_appear_in_same_query!(user_tokens, users, lesson_progress);
diesel::allow_tables_to_appear_in_same_query!(sessions, webinars);

diesel::table! {
    replay_views (id) {
        id -> BigInt,
        webinar_id -> BigInt,
        locale -> Text,
        viewed_at -> Timestamp,
    }
}

diesel::joinable!(replay_views -> webinars (webinar_id));

diesel::table! {
    registration_groups (id) {
        id -> BigInt,
        email -> Text,
        locale -> Text,
        confirm_token_hash -> Text,
        manage_token_hash -> Text,
        request_mailed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        token_seed -> Text,
    }
}

diesel::table! {
    registration_group_members (registration_id) {
        registration_id -> BigInt,
        group_id -> BigInt,
    }
}

diesel::joinable!(registration_group_members -> registrations (registration_id));
diesel::joinable!(registration_group_members -> registration_groups (group_id));
diesel::allow_tables_to_appear_in_same_query!(
    registration_group_members,
    registration_groups,
    registrations
);
diesel::allow_tables_to_appear_in_same_query!(registration_group_members, sessions);

diesel::table! {
    announcements (id) {
        id -> BigInt,
        session_id -> BigInt,
        include_waitlisted -> Bool,
        idempotency_key -> Text,
        queued -> Integer,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    announcement_texts (announcement_id, locale) {
        announcement_id -> BigInt,
        locale -> Text,
        subject -> Text,
        body -> Text,
    }
}

diesel::table! {
    announcement_recipients (id) {
        id -> BigInt,
        announcement_id -> BigInt,
        registration_id -> Nullable<BigInt>,
        email -> Text,
        locale -> Text,
        unsubscribe_token_hash -> Text,
        unsubscribed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(announcements -> sessions (session_id));
diesel::joinable!(announcement_texts -> announcements (announcement_id));
diesel::joinable!(announcement_recipients -> announcements (announcement_id));

diesel::table! {
    privacy_requests (id) {
        id -> BigInt,
        email -> Text,
        locale -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}
