## Back office: shell, dashboard, content, sessions, replays, lessons, registrants, organisers, audit log.

admin-title = Back office
admin-menu-label = Back office
admin-nav-dashboard = Dashboard
admin-nav-webinars = Webinars
admin-nav-sessions = Sessions
admin-nav-modules = Modules
admin-nav-registrants = Registrants
admin-menu-campaigns = Campaigns
admin-menu-announcements = Announcements
admin-menu-mail = Mail
admin-nav-organisers = Organisers
admin-nav-audit = Audit log
admin-save = Save
admin-saved = Saved.
admin-create = Create
admin-change = Change
admin-publish = Publish
admin-unpublish = Unpublish
admin-published = Published
admin-draft = Not published
admin-view-public = See the public page
admin-yes = Yes
admin-no = No
admin-chart-data = Figures of the chart
admin-pager = Pages
admin-pager-newer = Newer
admin-pager-older = Older
admin-audit-page-position = Page { $count } of { $total }
admin-back-to-webinar = Back to the webinar
admin-back-to-module = Back to the module

admin-col-name = Name
admin-col-email = E-mail
admin-col-organisation = Organisation
admin-col-function = Function
admin-col-territory = Territory
admin-col-country = Country
admin-col-language = Language
admin-col-webinar = Webinar
admin-col-module = Module
admin-col-session = Session
admin-col-status = Status
admin-col-attended = Attended
admin-col-registered = Registered on
admin-col-registrations = Registrations
admin-col-day = Day
admin-col-seats = Seats taken
admin-col-state = State
admin-col-slug = Address (slug)
admin-col-translations = Translations
admin-col-role = Role
admin-col-when = When
admin-col-who = Who
admin-col-action = Action
admin-col-subject = On
admin-col-detail = Detail

admin-status-pending = Not confirmed yet
admin-status-confirmed = Confirmed
admin-status-waitlisted = Waiting list
admin-status-cancelled = Cancelled
admin-role-organiser = Organiser
admin-role-admin = Admin
admin-role-learner = Learner (no back office)

admin-dashboard-title = Dashboard
admin-dashboard-registrations = registrations
admin-dashboard-confirmed = confirmed
admin-dashboard-attendance = attendance rate
admin-dashboard-attendance-detail = { $count } of { $total } confirmed registrants of past sessions attended
admin-dashboard-replay-views = replay views
admin-dashboard-over-time = Registrations over time
admin-dashboard-per-day = { $count ->
    [one] Registrations over the last day
   *[other] Registrations per day over the last { $count } days
}
admin-dashboard-per-day-desc = Registrations per day, oldest first; busiest days:
admin-dashboard-top = Largest values:
admin-dashboard-per-webinar = Registrations per webinar
admin-dashboard-per-language = Registrations per language
admin-dashboard-per-country = Registrations per country
admin-dashboard-per-function = Registrations per function
admin-dashboard-replay-views-per-webinar = Replay views per webinar
admin-dashboard-nothing = Nothing yet.
admin-dashboard-modules = Module completions
admin-dashboard-lessons-completed = Lessons completed
admin-dashboard-certificates = Certificates issued

admin-webinars-title = Webinars
admin-webinars-new = New webinar
admin-modules-title = Modules
admin-modules-new = New module
admin-content-texts = Texts in the three languages
admin-content-title = Title
admin-content-summary = Summary
admin-content-missing = Missing
admin-content-missing-in = Missing in { $language }
admin-content-fallback = Visitors reading this language see the text in { $language }:
admin-content-slug-hint = Lower-case letters, digits and hyphens, e.g. fight-food-waste. It cannot be changed later.
admin-content-error-slug = Use lower-case letters, digits and single hyphens (80 characters at most).
admin-content-error-slug-taken = This address is already used.
admin-content-error-title = The title is too long (200 characters at most) or contains control characters.
admin-content-error-text = The text is too long.
admin-content-error-title-missing = Give a title in this language, or leave this language empty.
admin-content-error-no-title = Give a title in at least one language.

admin-sessions-hint = Every session of every webinar, soonest first. Open one to reschedule it, change its capacity or link, or cancel it.
admin-session-new = New session
admin-session-edit = Edit the session
admin-session-timezone = Time zone of the session
admin-session-date = Date (in that time zone)
admin-session-time = Start time (in that time zone)
admin-session-local-hint = Give the date and time as a participant in that zone reads them on their clock; Convive stores the exact instant and shows each viewer their own time.
admin-session-duration = Duration in minutes
admin-session-capacity = Number of seats
admin-session-meeting-url = Meeting link (never shown publicly)
admin-session-languages = Interpreted into
admin-session-floor-language = Language spoken on the floor
admin-session-reminders = Reminders (minutes before the start)
admin-session-reminders-hint = Separated by commas, e.g. 1440,60 for one day and one hour before.
admin-session-error-reminders = Give up to five numbers of minutes between 1 and 20,160, separated by commas.
admin-session-saved = Saved. The session starts at { $utc }.
admin-session-cancel = Cancel the session
admin-session-cancel-text = The session leaves the programme and every registrant is told by e-mail, with a calendar cancellation.
admin-session-cancelled = Cancelled
admin-session-state-past = Past
admin-session-upcoming = Upcoming

admin-replays-title = Replays
admin-replays-hint = One replay per language: a YouTube, Vimeo or PeerTube link, a video file address, or a file uploaded here (WebM or MP4). Captions are WebVTT files. Publishing the first replay tells the registrants by e-mail.
admin-replay-url = Video link
admin-replay-file = Or upload a video file
admin-replay-captions = Captions in { $language } (.vtt address)
admin-replay-captions-file = Or upload captions in { $language }
admin-replay-error-url = Give a YouTube, Vimeo or PeerTube link, or the address of a WebM or MP4 file.
admin-replay-error-captions = Give the address of a WebVTT (.vtt) file.
admin-replay-error-locale = Choose the language of the replay.
admin-replay-error-file-type = Upload a WebM or MP4 video, and captions as .vtt files.

admin-lessons-title = Lessons
admin-lesson-new = New lesson
admin-lesson-edit = Edit the lesson
admin-lesson-duration = Duration in minutes
admin-lesson-body = Text of the lesson
admin-lesson-video = Video (link or file address)
admin-lesson-captions = Captions (.vtt address)
admin-lesson-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
admin-lesson-error-duration = Give a duration in minutes between 0.1 and 600.

admin-filter-search = Search (name, e-mail, organisation)
admin-filter-all-sessions = All sessions of the series
admin-filter-any = Any
admin-filter-apply = Filter
admin-registrants-count = { $count } shown of { $total }
admin-registrants-full = No seat is left in this session: raise its capacity first.
admin-registrants-error-status = Choose confirmed, waiting list or cancelled.
admin-export-csv = Export as CSV
admin-export-xlsx = Export as Excel (XLSX)
admin-attendance-mark = Mark present
admin-attendance-unmark = Mark absent
admin-attendance-import = Import the attendee list of the meeting tool
admin-attendance-import-hint = A CSV file exported by the meeting tool, with a header row and a column containing the e-mail address (any position; separated by commas or semicolons).
admin-attendance-file = Attendee list (CSV)
admin-attendance-import-submit = Import
admin-attendance-report = Attendance imported
admin-attendance-matched = { $count } of { $total } rows matched a registrant and are marked present.
admin-attendance-unmatched = { $count ->
    [one] One row matched no registrant of this session:
   *[other] { $count } rows matched no registrant of this session:
}
admin-attendance-line = Line { $count }:
admin-attendance-error-unreadable = The attendee list cannot be read: save it as CSV (UTF-8) with a header row.
admin-attendance-error-no-email-column = The attendee list has no e-mail column in its header row.

admin-organiser-new = New organiser
admin-organiser-created = The account { $email } is created.
admin-organiser-password = Its password, shown only once (pass it on safely):

mail-rescheduled-subject = New date: { $webinar }
mail-rescheduled-body = Hello { $name }, the session you registered for has moved. Here are the new date and time; the updated calendar invitation is attached.
mail-session-cancelled-subject = Session cancelled: { $webinar }
mail-session-cancelled-body = Hello { $name }, the organisers had to cancel this session. We apologise; you are welcome to register for another session of the webinar.
admin-share-image-title = Share picture
admin-share-image-hint = The picture a link to this webinar shows when shared in a messaging app or a social network. JPEG, PNG or WebP, up to 8 MB; it is cropped to 1200 × 630. Without one, the link shows the site's picture.
admin-share-image-current = Current share picture
admin-share-image-none = No picture yet: a shared link shows the site's picture.
admin-share-image-file = New picture
admin-share-image-save = Save the picture
admin-share-image-error-missing = Choose a JPEG, PNG or WebP picture.
