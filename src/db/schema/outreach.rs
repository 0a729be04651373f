//! Tables of what is sent: campaigns and their invitations, announcements, the mail outbox, suppressions.

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
