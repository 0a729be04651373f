## Back office: invitation campaigns, announcements, mail log.

admin-session-past = past
admin-session-unpublished = not published
admin-pager-label = Pages
admin-pager-previous = Previous page
admin-pager-next = Next page
admin-pager-position = Page { $count } of { $total }

admin-campaigns-title = Invitation campaigns
admin-campaigns-new = New campaign
admin-campaigns-empty = No campaign yet. Upload a contact list to invite people to a session or to the whole series.
admin-campaigns-error-too-large = The file is too large: a contact list may be 8 MB at most. Split it into several campaigns.
admin-campaigns-error-no-file = Choose the contact list to upload (CSV or XLSX).
admin-campaigns-error-base64 = contacts_xlsx must be the .xlsx file encoded in base64.
admin-contacts-error-unreadable-xlsx = The spreadsheet cannot be read: save it as an Excel workbook (.xlsx) or as CSV.
admin-campaign-name = Name
admin-campaign-name-hint = For you only, e.g. "Mayors of Morocco — March". Left empty, the date is used.
admin-campaign-target = Invite to
admin-campaign-target-is = Invite to: { $target }
admin-campaign-target-choose = Choose a session or the whole series
admin-campaign-target-series = The whole series (every upcoming session)
admin-campaign-created = Created
admin-campaign-invited = Invited
admin-campaign-contacts = Contact list (CSV or XLSX)
admin-campaign-contacts-hint = Columns with a header row, in any order: email, name, language (fr, en or ar), organisation, country (two-letter code). CSV with “,” or “;”, UTF-8. { $count } MB at most.
admin-campaign-upload = Upload and check the list
admin-campaign-back = Back to the campaign
admin-campaign-sent-notice = { $count ->
    [one] One invitation queued.
   *[other] { $count } invitations queued.
}
admin-campaign-reminded-notice = { $count ->
    [one] One reminder queued.
   *[other] { $count } reminders queued.
}
admin-campaign-report-title = Check of the contact list
admin-campaign-report-valid = Valid contacts: { $count }
admin-campaign-report-invalid = Rows not kept: { $count }
admin-campaign-report-duplicates = Duplicates merged into an earlier row: { $count }
admin-campaign-report-suppressed = Addresses that asked not to be mailed or bounced (listed, never mailed): { $count }
admin-campaign-report-lines = lines
admin-campaign-report-invalid-rows = Rows not kept, with the reason
admin-campaign-report-suppressed-rows = Suppressed addresses
admin-campaign-report-line = Line
admin-campaign-report-reason = Reason
admin-campaign-email = Email
admin-campaign-invitee-name = Name
admin-campaign-language = Language
admin-campaign-stage = Stage
admin-campaign-send-title = Send
admin-campaign-preview-link = Preview the invitation in French, English and Arabic
admin-campaign-send-button = { $count ->
    [one] Send the invitation to one person
   *[other] Send the invitation to { $count } people
}
admin-campaign-nothing-to-send = Every invitation of this campaign has been sent.
admin-campaign-suppressed-note = { $count ->
    [one] One suppressed address will not be mailed.
   *[other] { $count } suppressed addresses will not be mailed.
}
admin-campaign-remind-button = { $count ->
    [one] Remind the one person who has not answered
   *[other] Remind the { $count } people who have not answered
}
admin-campaign-delete = Delete this draft
admin-campaign-deleted = The draft campaign is deleted.
admin-campaign-error-sent = This campaign has started sending: it stays, with its funnel.
admin-campaign-funnel-title = Funnel
admin-campaign-progress = Sending
admin-campaign-sending = sending…
admin-campaign-invitees-title = Invitees
admin-campaign-all-invitees = show every invitee
admin-campaign-stage-pending = not sent
admin-campaign-stage-suppressed = suppressed
admin-campaign-stage-queued = queued
admin-campaign-stage-sent = sent
admin-campaign-stage-failed = failed
admin-campaign-stage-unsubscribed = unsubscribed
admin-campaign-stage-clicked = opened the link
admin-campaign-stage-registered = registered
admin-campaign-stage-confirmed = confirmed
admin-campaign-stage-attended = attended
admin-campaign-stage-watched = watched videos
admin-campaign-preview-title = Preview of the invitation
admin-campaign-preview-intro = Each invitee gets the invitation in their language. The name is the first invitee's of that language; the links in a preview open nothing.
admin-campaign-preview-first = Show the first invitation
admin-campaign-preview-reminder = Show the reminder
admin-campaign-preview-html = Open the HTML version

admin-announcements-title = Announcements
admin-announcements-new = New announcement
admin-announcements-empty = No announcement yet.
admin-announcement-title = Announcement
admin-announcement-intro = A message to the registrants of one session, for example a new meeting link. Each registrant gets it in their language; write it in as many languages as you can.
admin-announcement-session = Session
admin-announcement-session-choose = Choose a session
admin-announcement-include-waitlisted = Also send it to the people on the waiting list
admin-announcement-subject = Subject
admin-announcement-body = Message
admin-announcement-fallback-intro = Who gets which text:
admin-announcement-fallback-order = Registrants who read { $language } get the { $first } text; if it is empty, the { $second } text, then the { $third } text.
admin-announcement-fallback-now = As written now: the { $used } text.
admin-announcement-send = Send the announcement
admin-announcement-sent-at = Sent
admin-announcement-recipients = Recipients
admin-announcement-with-waitlist = with the waiting list
admin-announcement-unsubscribed = Unsubscribed since
admin-announcement-queued = { $count ->
    [one] The announcement is on its way to one registrant.
   *[other] The announcement is on its way to { $count } registrants.
}
admin-announcement-duplicate = This announcement had already been sent: nothing more was sent.
admin-announcement-error-session = Choose the session whose registrants get the message.
admin-announcement-error-empty = Write the subject and the message in at least one language.
admin-announcement-error-subject-missing = Write the subject in this language too, or leave the message empty.
admin-announcement-error-body-missing = Write the message in this language too, or leave the subject empty.
admin-announcement-error-subject-long = The subject is too long (200 characters at most).
admin-announcement-error-body-long = The message is too long (20,000 characters at most).
unsubscribe-announcements-confirm = Stop sending announcements and invitations to { $email }?
unsubscribe-announcements-done = { $email } will not receive our announcements and invitations any more.
mail-announcement-unsubscribe = Do not receive announcements any more

admin-mail-title = Mail log
admin-mail-files = No SMTP server is configured: messages are written as .eml files in the data folder; open one to read it.
admin-mail-smtp = Messages are sent through the configured SMTP server.
admin-mail-filter-label = Filter by status
admin-mail-all = All
admin-mail-empty = No mail here.
admin-mail-status = Status
admin-mail-status-queued = queued
admin-mail-status-sending = sending
admin-mail-status-sent = sent
admin-mail-status-failed = failed
admin-mail-kind = Kind
admin-mail-recipient = Recipient
admin-mail-attempts = Attempts
admin-mail-last-error = Last error
admin-mail-created = Queued
admin-mail-sent = Sent
admin-mail-message-title = Mail
admin-mail-retry = Retry this mail
admin-mail-retry-queued = The mail is back in the queue.
admin-mail-retry-lifted = The mail is back in the queue, and the address is no longer blocked after its bounce.
admin-mail-error-not-failed = Only a failed mail can be retried.
admin-mail-error-unsubscribed = This person unsubscribed: invitations and announcements are not sent to them any more.
admin-mail-text-part = Text of the message
admin-mail-attachments = Attachments:
admin-mail-raw = Source of the message
admin-mail-no-file = The .eml file of this mail is not written yet.
