## لوحة الإدارة: الإطار، لوحة المتابعة، المحتوى، الجلسات، التسجيلات، الدروس، المسجَّلون، المنظِّمون، سجل الإجراءات.

admin-title = لوحة الإدارة
admin-menu-label = لوحة الإدارة
admin-nav-dashboard = لوحة المتابعة
admin-nav-webinars = الندوات
admin-nav-sessions = الجلسات
admin-nav-modules = الوحدات
admin-nav-registrants = المسجَّلون
admin-menu-campaigns = الحملات
admin-menu-announcements = الإعلانات
admin-menu-mail = البريد
admin-nav-organisers = المنظِّمون
admin-nav-audit = سجل الإجراءات
admin-save = حفظ
admin-saved = تم الحفظ.
admin-create = إنشاء
admin-change = تغيير
admin-publish = نشر
admin-unpublish = إلغاء النشر
admin-published = منشور
admin-draft = غير منشور
admin-view-public = عرض الصفحة العامة
admin-yes = نعم
admin-no = لا
admin-chart-data = أرقام الرسم البياني
admin-pager = الصفحات
admin-pager-newer = الأحدث
admin-pager-older = الأقدم
admin-audit-page-position = الصفحة { $count } من { $total }
admin-back-to-webinar = العودة إلى الندوة
admin-back-to-module = العودة إلى الوحدة

admin-col-name = الاسم
admin-col-email = البريد الإلكتروني
admin-col-organisation = الهيئة
admin-col-function = الصفة
admin-col-territory = الإقليم
admin-col-country = البلد
admin-col-language = اللغة
admin-col-webinar = الندوة
admin-col-module = الوحدة
admin-col-session = الجلسة
admin-col-status = الحالة
admin-col-attended = حضر
admin-col-registered = تاريخ التسجيل
admin-col-registrations = التسجيلات
admin-col-day = اليوم
admin-col-seats = المقاعد المشغولة
admin-col-state = الوضع
admin-col-slug = العنوان (slug)
admin-col-translations = الترجمات
admin-col-role = الدور
admin-col-when = متى
admin-col-who = من
admin-col-action = الإجراء
admin-col-subject = على
admin-col-detail = التفاصيل

admin-status-pending = لم يُؤكَّد بعد
admin-status-confirmed = مؤكَّد
admin-status-waitlisted = قائمة الانتظار
admin-status-cancelled = ملغى
admin-role-organiser = منظِّم
admin-role-admin = مسؤول
admin-role-learner = متعلِّم (دون لوحة الإدارة)

admin-dashboard-title = لوحة المتابعة
admin-dashboard-registrations = تسجيلًا
admin-dashboard-confirmed = مؤكَّدًا
admin-dashboard-attendance = نسبة الحضور
admin-dashboard-attendance-detail = حضر { $count } من أصل { $total } مسجَّلين مؤكَّدين في الجلسات الماضية
admin-dashboard-replay-views = مشاهدة للتسجيلات
admin-dashboard-over-time = التسجيلات عبر الزمن
admin-dashboard-per-day = { $count ->
    [one] التسجيلات في اليوم الأخير
   *[other] التسجيلات يوميًا خلال آخر { $count } يومًا
}
admin-dashboard-per-day-desc = التسجيلات يوميًا من الأقدم إلى الأحدث؛ أكثر الأيام نشاطًا:
admin-dashboard-top = أكبر القيم:
admin-dashboard-per-webinar = التسجيلات حسب الندوة
admin-dashboard-per-language = التسجيلات حسب اللغة
admin-dashboard-per-country = التسجيلات حسب البلد
admin-dashboard-per-function = التسجيلات حسب الصفة
admin-dashboard-replay-views-per-webinar = مشاهدات التسجيلات حسب الندوة
admin-dashboard-nothing = لا شيء بعد.
admin-dashboard-modules = إتمام الوحدات
admin-dashboard-lessons-completed = الدروس المكتملة
admin-dashboard-certificates = الشهادات الصادرة

admin-webinars-title = الندوات
admin-webinars-new = ندوة جديدة
admin-modules-title = الوحدات
admin-modules-new = وحدة جديدة
admin-content-texts = النصوص باللغات الثلاث
admin-content-title = العنوان
admin-content-summary = الملخّص
admin-content-missing = ناقص
admin-content-missing-in = ناقص بـ{ $language }
admin-content-fallback = يرى زوّار هذه اللغة النصَّ بـ{ $language }:
admin-content-slug-hint = حروف لاتينية صغيرة وأرقام وشرطات، مثل fight-food-waste. لا يمكن تغييره لاحقًا.
admin-content-error-slug = استعمل حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة (80 حرفًا على الأكثر).
admin-content-error-slug-taken = هذا العنوان مستعمل من قبل.
admin-content-error-title = العنوان طويل جدًا (200 حرف على الأكثر) أو يحتوي على رموز تحكّم.
admin-content-error-text = النص طويل جدًا.
admin-content-error-title-missing = أدخل عنوانًا بهذه اللغة، أو اترك هذه اللغة فارغة.
admin-content-error-no-title = أدخل عنوانًا بلغة واحدة على الأقل.

admin-sessions-hint = كل جلسات كل الندوات، الأقرب أولًا. افتح إحداها لتغيير موعدها أو عدد مقاعدها أو رابطها، أو لإلغائها.
admin-session-new = جلسة جديدة
admin-session-edit = تعديل الجلسة
admin-session-timezone = المنطقة الزمنية للجلسة
admin-session-date = التاريخ (في تلك المنطقة الزمنية)
admin-session-time = ساعة البدء (في تلك المنطقة الزمنية)
admin-session-local-hint = أدخل التاريخ والساعة كما يقرؤهما مشارك في تلك المنطقة على ساعته؛ يحفظ Convive اللحظة الدقيقة ويعرض لكل زائر توقيته.
admin-session-duration = المدة بالدقائق
admin-session-capacity = عدد المقاعد
admin-session-meeting-url = رابط الاجتماع (لا يُعرض للعموم أبدًا)
admin-session-languages = الترجمة الفورية إلى
admin-session-floor-language = لغة القاعة
admin-session-reminders = التذكيرات (بالدقائق قبل البدء)
admin-session-reminders-hint = مفصولة بفواصل، مثل 1440,60 لليوم السابق وساعة قبل البدء.
admin-session-error-reminders = أدخل حتى خمسة أعداد من الدقائق بين 1 و20160، مفصولة بفواصل.
admin-session-saved = تم الحفظ. تبدأ الجلسة في { $utc }.
admin-session-cancel = إلغاء الجلسة
admin-session-cancel-text = تُحذف الجلسة من البرنامج ويُبلَّغ كل مسجَّل بالبريد الإلكتروني مع إلغاء لموعد التقويم.
admin-session-cancelled = ملغاة
admin-session-state-past = منتهية
admin-session-upcoming = قادمة

admin-replays-title = التسجيلات
admin-replays-hint = تسجيل واحد لكل لغة: رابط YouTube أو Vimeo أو PeerTube، أو عنوان ملف فيديو، أو ملف يُرفع هنا (WebM أو MP4). الترجمات النصية ملفات WebVTT. نشر أول تسجيل يُبلغ المسجَّلين بالبريد الإلكتروني.
admin-replay-url = رابط الفيديو
admin-replay-file = أو ارفع ملف فيديو
admin-replay-captions = الترجمة النصية بـ{ $language } (عنوان ‎.vtt)
admin-replay-captions-file = أو ارفع الترجمة النصية بـ{ $language }
admin-replay-error-url = أدخل رابط YouTube أو Vimeo أو PeerTube، أو عنوان ملف WebM أو MP4.
admin-replay-error-captions = أدخل عنوان ملف WebVTT ‏(‎.vtt).
admin-replay-error-locale = اختر لغة التسجيل.
admin-replay-error-file-type = ارفع فيديو WebM أو MP4، والترجمات النصية في ملفات ‎.vtt.

admin-lessons-title = الدروس
admin-lesson-new = درس جديد
admin-lesson-edit = تعديل الدرس
admin-lesson-duration = المدة بالدقائق
admin-lesson-body = نص الدرس
admin-lesson-video = الفيديو (رابط أو عنوان ملف)
admin-lesson-captions = الترجمة النصية (عنوان ‎.vtt)
admin-lesson-minutes = { $count ->
    [one] دقيقة واحدة
   *[other] { $count } دقيقة
}
admin-lesson-error-duration = أدخل مدة بالدقائق بين 0.1 و600.

admin-filter-search = بحث (الاسم، البريد الإلكتروني، الهيئة)
admin-filter-all-sessions = كل جلسات السلسلة
admin-filter-any = الكل
admin-filter-apply = تصفية
admin-registrants-count = { $count } معروضًا من أصل { $total }
admin-registrants-full = لم يبقَ أي مقعد في هذه الجلسة: زِد عدد المقاعد أولًا.
admin-registrants-error-status = اختر مؤكَّد أو قائمة الانتظار أو ملغى.
admin-export-csv = تصدير بصيغة CSV
admin-export-xlsx = تصدير بصيغة Excel ‏(XLSX)
admin-attendance-mark = تسجيل الحضور
admin-attendance-unmark = تسجيل الغياب
admin-attendance-import = استيراد قائمة الحاضرين من أداة الاجتماع
admin-attendance-import-hint = ملف CSV مُصدَّر من أداة الاجتماع، فيه سطر عناوين وعمود يحتوي على البريد الإلكتروني (في أي موضع؛ الفاصل فاصلة أو فاصلة منقوطة).
admin-attendance-file = قائمة الحاضرين (CSV)
admin-attendance-import-submit = استيراد
admin-attendance-report = تم استيراد الحضور
admin-attendance-matched = { $count } من أصل { $total } سطرًا تطابق مسجَّلًا وسُجِّل حضوره.
admin-attendance-unmatched = { $count ->
    [one] سطر واحد لا يطابق أي مسجَّل في هذه الجلسة:
   *[other] { $count } أسطر لا تطابق أي مسجَّل في هذه الجلسة:
}
admin-attendance-line = السطر { $count }:
admin-attendance-error-unreadable = تتعذّر قراءة قائمة الحاضرين: احفظها بصيغة CSV ‏(UTF-8) مع سطر عناوين.
admin-attendance-error-no-email-column = لا تحتوي قائمة الحاضرين على عمود للبريد الإلكتروني في سطر العناوين.

admin-organiser-new = منظِّم جديد
admin-organiser-created = تم إنشاء الحساب { $email }.
admin-organiser-password = كلمة مروره، تُعرض مرة واحدة فقط (أرسلها بطريقة آمنة):

mail-rescheduled-subject = موعد جديد: { $webinar }
mail-rescheduled-body = مرحبًا { $name }، تغيّر موعد الجلسة التي سجّلت فيها. إليك التاريخ والساعة الجديدين؛ دعوة التقويم المحدَّثة مرفقة.
mail-session-cancelled-subject = إلغاء الجلسة: { $webinar }
mail-session-cancelled-body = مرحبًا { $name }، اضطُرّ المنظِّمون إلى إلغاء هذه الجلسة. نعتذر عن ذلك؛ يمكنك التسجيل في جلسة أخرى من الندوة.
admin-share-image-title = صورة المشاركة
admin-share-image-hint = الصورة التي يظهرها رابط هذه الندوة عند مشاركته في تطبيق مراسلة أو شبكة اجتماعية. ‏JPEG أو PNG أو WebP، بحد أقصى 8 ميغابايت؛ تُقصّ بمقاس 1200 × 630. وبدونها يُظهر الرابط صورة الموقع.
admin-share-image-current = صورة المشاركة الحالية
admin-share-image-none = لا صورة بعد: يُظهر الرابط المُشارَك صورة الموقع.
admin-share-image-file = صورة جديدة
admin-share-image-save = حفظ الصورة
admin-share-image-error-missing = اختر صورة JPEG أو PNG أو WebP.
