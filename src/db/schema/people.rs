//! Tables of people and what they did: accounts, registrations, progress, certificates, privacy requests, the audit log.

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
        scopes -> Text,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
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
    audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        action -> Text,
        subject -> Text,
        detail -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    registration_reminders (registration_id, minutes_before) {
        registration_id -> BigInt,
        minutes_before -> Integer,
        queued_at -> Timestamp,
    }
}

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
