session-register = Register
session-join-waitlist = Join the waiting list
registration-title = Register for this session
registration-full-name = Full name
registration-email = E-mail address
registration-organisation = Organisation (city, province, department…)
registration-function = Function
registration-choose = Choose…
registration-function-elected_official = Elected official
registration-function-civil_servant = Civil servant
registration-function-other = Other
registration-territory = Territory
registration-country = Country
registration-language = Language of your e-mails
registration-language-label = Language
registration-language-button = Change the language
registration-timezone = Your time zone
registration-timezone-help = Detected from your browser; times in your e-mails use it. Example: Africa/Casablanca.
registration-consent = I agree that Convive processes these details to organise this webinar and write to me about it.
registration-announcements = Also tell me about future webinars (optional).
registration-submit = Register
registration-sent-title = Check your e-mail
registration-sent-text = We have sent you an e-mail. Click the button in it to confirm your registration: until then no seat is reserved.
registration-confirm-title = Confirm your registration
registration-confirm-text = One last step: confirm with the button below. Until then no seat is reserved for you.
registration-confirm-button = Confirm my registration
registration-confirmed-title = Your seat is confirmed
registration-confirmed-text = Thank you. Your confirmation e-mail contains the calendar invitation and the link to manage your registration.
registration-waitlisted-title = You are on the waiting list
registration-waitlisted-text = The session is full. You are number { $count } on the waiting list; we will write to you as soon as a seat is free.
registration-expired = This confirmation link has expired. Please register again.
registration-already-there = You are already registered for that session.
registration-manage-title = Your registration
registration-status-pending = Waiting for your confirmation
registration-status-confirmed = Confirmed
registration-status-waitlisted = On the waiting list
registration-status-cancelled = Cancelled
registration-position = position { $count }
registration-join = Join the webinar
registration-switch-title = Change session
registration-switch-label = Another session of this webinar
registration-switch-button = Switch to this session
registration-no-other-session = There is no other upcoming session of this webinar.
registration-cancel-title = Cancel
registration-cancel-button = Cancel my registration
field-required = This field is required.
field-too-long = This is too long.
field-invalid-characters = This contains characters that are not allowed.
field-email-invalid = Enter an e-mail address such as name@example.org.
field-choose-one = Choose one of the options.
field-timezone-invalid = Enter a time zone such as Africa/Tunis or Europe/Paris.
field-consent-required = Your agreement is needed to register.
registration-honeypot = Leave this field empty
registration-series-link = Register for the whole series
registration-series-title = Register for the whole series
registration-series-intro = One form registers you for the next session of each webinar of the series. One e-mail confirms them all; each session then has its own seat or place on its waiting list.
registration-series-submit = Register for these sessions
registration-series-confirmed-title = Your registration for the series is confirmed
registration-series-confirmed-text = { $count ->
    [0] You have no confirmed seat yet
    [one] You have a seat at one session
   *[other] You have a seat at { $count } sessions
} and { $total ->
    [0] none is full.
    [one] you are on the waiting list of one session.
   *[other] you are on the waiting list of { $total } sessions.
} Your e-mail contains the calendar invitations and the link to manage your registrations.
registration-series-manage-title = Your registrations for the series
registration-series-manage-one = Change session or details
registration-series-cancel-one = Cancel this session
registration-series-cancel-all = Cancel every session of the series
mail-series-confirm-subject = Confirm your registration for the series: { $series }
mail-series-confirm-body = Hello { $name }, you asked to attend the sessions below. One click confirms them all: until then no seat is reserved for you.
mail-series-confirmed-subject = Your registration for the series: { $series }
mail-series-confirmed-body = Hello { $name }, here is where you stand for each session. The calendar invitations of your confirmed seats are attached; we will write to you if a seat frees up for a session where you are waiting.
mail-series-cancelled-subject = Registrations cancelled: { $series }
mail-series-cancelled-body = Hello { $name }, your registrations to these sessions are cancelled. You are welcome to register again at any time.
mail-series-join = Join: { $webinar }
mail-series-status-confirmed = seat confirmed
mail-series-status-waitlisted = waiting list, position { $position }
mail-series-status-cancelled = cancelled
mail-series-status-pending = to be confirmed
