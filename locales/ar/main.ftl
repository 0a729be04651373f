# التخطيط والتنقل
nav-skip = انتقل إلى المحتوى
nav-main-label = التنقل الرئيسي
nav-language-label = اللغة
nav-breadcrumb-label = مسار التنقل
nav-webinars = الندوات عبر الإنترنت
nav-modules = وحدات التدريب
footer-about = Convive — برنامج ندوات عبر الإنترنت وفيديوهات تدريبية حول النظم الغذائية المستدامة في مدن وجهات البحر الأبيض المتوسط.

# أسماء اللغات
language-fr = الفرنسية
language-en = الإنجليزية
language-ar = العربية

# محتوى معروض بلغة أخرى
content-fallback = لم تتم الترجمة بعد: معروض باللغة { $language }.

# الصفحة الرئيسية
home-title = النظم الغذائية المستدامة في البحر الأبيض المتوسط
home-series-label = سلسلة ندوات عبر الإنترنت
home-see-programme = اطّلع على البرنامج وسجّل
home-programme = البرنامج
home-next-session = الجلسة القادمة:
home-modules = وحدات التدريب COOPALIM
home-modules-intro = وحدات فيديو للجماعات الترابية الفرنسية التي تتعاون مع أقاليم في الخارج في مجال الغذاء المستدام.

# الندوات
webinars-title = الندوات عبر الإنترنت
webinar-session-count = { $count ->
    [zero] لا توجد جلسات قادمة
    [one] جلسة قادمة واحدة
    [two] جلستان قادمتان
    [few] { $count } جلسات قادمة
   *[other] { $count } جلسة قادمة
}
webinar-replays-in = التسجيلات متاحة بـ:
webinar-sessions = الجلسات القادمة
webinar-no-sessions = لا توجد جلسة مبرمجة حاليًا. شاهد التسجيلات أدناه.
webinar-replays = التسجيلات
webinar-no-replays = لا يتوفر أي تسجيل بعد.

# الجلسات
session-your-time = بتوقيتك:
session-duration = { $count } دقيقة
session-seats-left = { $count ->
    [zero] لا توجد مقاعد متبقية
    [one] مقعد واحد متبقٍ
    [two] مقعدان متبقيان
    [few] { $count } مقاعد متبقية
   *[other] { $count } مقعدًا متبقيًا
}
session-full = مكتملة — قائمة الانتظار مفتوحة
session-languages = اللغات:
# بين عناصر القائمة (فاصلة عربية).
list-separator = {"، "}

# الوحدات
modules-title = وحدات التدريب
modules-intro = تساعد وحدات الفيديو COOPALIM الجماعات الترابية الفرنسية على بناء تعاون غذائي مع أقاليم في الخارج، درسًا بعد درس.
module-lesson-count = { $count ->
    [zero] لا توجد دروس
    [one] درس واحد
    [two] درسان
    [few] { $count } دروس
   *[other] { $count } درسًا
}
module-lessons = الدروس
lesson-duration-minutes = { $count ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}

# الأخطاء
error-not-found = هذه الصفحة غير موجودة.
error-bad-request = تعذّر فهم الطلب.
error-payload-too-large = حجم ما تم إرساله كبير جدًا.
error-rate-limited = محاولات كثيرة جدًا. يُرجى الانتظار قليلًا ثم إعادة المحاولة.
error-unavailable = الخدمة غير متاحة مؤقتًا. يُرجى إعادة المحاولة بعد بضع ثوانٍ.
error-internal = حدث خطأ من جهتنا. يُرجى إعادة المحاولة.
error-code = رمز الخطأ:
error-back-home = العودة إلى الصفحة الرئيسية
error-forbidden = تم رفض هذا الطلب. أعد تحميل الصفحة ثم حاول مرة أخرى.
error-validation = بعض الحقول تحتاج إلى تصحيح.

# المناطق الزمنية كما يسميها الناس ($city من بيانات CLDR)
zone-time = توقيت { $city }
zone-utc = التوقيت العالمي المنسق
session-own-time = بتوقيت الجلسة:
session-countdown = تبدأ بعد { $hours } ساعة و{ $minutes } دقيقة

# لغات الجلسة: لغة القاعة ولغات الترجمة الفورية
language-in-fr = بالفرنسية
language-in-en = بالإنجليزية
language-in-ar = بالعربية
language-into-fr = إلى الفرنسية
language-into-en = إلى الإنجليزية
language-into-ar = إلى العربية
session-language-line = { $count ->
    [0] { $floor }
    [one] { $floor }، مع ترجمة فورية { $first }
   *[other] { $floor }، مع ترجمة فورية { $first } و{ $second }
}

# تصفية البرنامج حسب اللغة
programme-filter-label = عرض الجلسات التي يمكنني متابعتها
programme-filter-any = بكل اللغات
programme-filter-submit = عرض
programme-filter-result = الجلسات التي يمكنك متابعتها باللغة { $language }.
programme-filter-none = لا توجد جلسة مقررة حالياً.
programme-filter-clear = عرض البرنامج كاملاً

# التقويمات
calendar-add = أضف إلى تقويمك:
calendar-google = تقويم Google
calendar-outlook = Outlook
calendar-ics = ملف ics.
calendar-feed-title = البرنامج في تقويمك
calendar-feed-text = اشترك مرة واحدة: تظهر الجلسات الجديدة وتغييرات المواعيد والإلغاءات في تقويمك تلقائياً.
calendar-feed-subscribe = الاشتراك في البرنامج
calendar-programme-name = Convive — البرنامج
calendar-mine-name = Convive — جلساتي
calendar-mine-subscribe = الاشتراك في جلساتي في تقويمي

# أوصاف لمحركات البحث وبطاقات المشاركة
meta-description = Convive: ندوات عبر الإنترنت وفيديوهات تكوينية حول النظم الغذائية المستدامة في مدن وجهات البحر الأبيض المتوسط، بالفرنسية والإنجليزية والعربية.
meta-description-webinars = الندوات القادمة حول الغذاء المستدام في البحر الأبيض المتوسط: المتحدثون وجدول الأعمال ولغات الترجمة الفورية والتسجيل.
meta-description-lesson = درس بالفيديو من الوحدة التكوينية «{ $module }».

# المتحدثون وجدول الأعمال
webinar-speakers = المتحدثون
session-speakers = متحدثو هذه الجلسة
session-agenda = جدول الأعمال
speaker-role-speaker = متحدث
speaker-role-moderator = مسيّر الجلسة
speaker-role-interpreter = مترجم فوري
