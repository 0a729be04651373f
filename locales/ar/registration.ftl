session-register = التسجيل
session-join-waitlist = الانضمام إلى قائمة الانتظار
registration-title = التسجيل في هذه الجلسة
registration-full-name = الاسم الكامل
registration-email = البريد الإلكتروني
registration-organisation = الجهة (مدينة، إقليم، عمالة…)
registration-function = الصفة
registration-choose = اختر…
registration-function-elected_official = منتخَب(ة)
registration-function-civil_servant = موظف(ة) في جماعة ترابية
registration-function-other = أخرى
registration-territory = الإقليم
registration-country = البلد
registration-language = لغة رسائلك الإلكترونية
registration-language-label = اللغة
registration-language-button = تغيير اللغة
registration-timezone = منطقتك الزمنية
registration-timezone-help = يحدّدها متصفحك، وتُستعمل للمواعيد في رسائلك. مثال: Africa/Casablanca.
registration-consent = أوافق على أن يعالج Convive هذه البيانات لتنظيم هذه الندوة ومراسلتي بشأنها.
registration-announcements = أبلغوني أيضًا بالندوات القادمة (اختياري).
registration-submit = التسجيل
registration-sent-title = تحقّق من بريدك الإلكتروني
registration-sent-text = أرسلنا إليك رسالة إلكترونية. انقر على الزر الوارد فيها لتأكيد تسجيلك: لن يُحجز لك أي مقعد قبل ذلك.
registration-confirm-title = أكّد تسجيلك
registration-confirm-text = خطوة أخيرة: أكّد بالزر أدناه. لن يُحجز لك أي مقعد قبل ذلك.
registration-confirm-button = تأكيد تسجيلي
registration-confirmed-title = تم تأكيد مقعدك
registration-confirmed-text = شكرًا لك. تتضمن رسالة التأكيد دعوة التقويم ورابط إدارة تسجيلك.
registration-waitlisted-title = أنت على قائمة الانتظار
registration-waitlisted-text = الجلسة مكتملة. ترتيبك { $count } على قائمة الانتظار، وسنراسلك فور تحرّر مقعد.
registration-expired = انتهت صلاحية رابط التأكيد هذا. يُرجى التسجيل من جديد.
registration-already-there = أنت مسجَّل بالفعل في تلك الجلسة.
registration-manage-title = تسجيلك
registration-status-pending = في انتظار تأكيدك
registration-status-confirmed = مؤكَّد
registration-status-waitlisted = على قائمة الانتظار
registration-status-cancelled = ملغى
registration-position = الترتيب { $count }
registration-join = الانضمام إلى الندوة
registration-switch-title = تغيير الجلسة
registration-switch-label = جلسة أخرى من هذه الندوة
registration-switch-button = الانتقال إلى هذه الجلسة
registration-no-other-session = لا توجد جلسة قادمة أخرى لهذه الندوة.
registration-cancel-title = الإلغاء
registration-cancel-button = إلغاء تسجيلي
field-required = هذا الحقل مطلوب.
field-too-long = هذا النص طويل جدًا.
field-invalid-characters = يحتوي هذا النص على أحرف غير مسموح بها.
field-email-invalid = أدخل عنوان بريد إلكتروني مثل name@example.org.
field-choose-one = اختر أحد الخيارات.
field-timezone-invalid = أدخل منطقة زمنية مثل Africa/Tunis أو Europe/Paris.
field-consent-required = موافقتك ضرورية للتسجيل.
registration-honeypot = اترك هذا الحقل فارغًا
registration-series-link = التسجيل في السلسلة كاملة
registration-series-title = التسجيل في السلسلة كاملة
registration-series-intro = استمارة واحدة تسجّلك في الجلسة القادمة من كل ندوة في السلسلة، ورسالة واحدة تؤكّدها جميعًا؛ ثم يكون لكل جلسة مقعدها أو قائمة انتظارها.
registration-series-submit = سجّلني في هذه الجلسات
registration-series-confirmed-title = تم تأكيد تسجيلك في السلسلة
registration-series-confirmed-text = { $count ->
    [zero] ليس لديك مقعد مؤكَّد في أي جلسة
    [one] لديك مقعد في جلسة واحدة
    [two] لديك مقعد في جلستين
    [few] لديك مقعد في { $count } جلسات
   *[other] لديك مقعد في { $count } جلسة
}، { $total ->
    [zero] ولا توجد جلسة مكتملة.
    [one] وأنت على قائمة انتظار جلسة واحدة.
    [two] وأنت على قائمة انتظار جلستين.
    [few] وأنت على قائمة انتظار { $total } جلسات.
   *[other] وأنت على قائمة انتظار { $total } جلسة.
} تتضمن رسالتك دعوات التقويم ورابط إدارة تسجيلاتك.
registration-series-manage-title = تسجيلاتك في السلسلة
registration-series-manage-one = تغيير الجلسة أو البيانات
registration-series-cancel-one = إلغاء هذه الجلسة
registration-series-cancel-all = إلغاء كل جلسات السلسلة
mail-series-confirm-subject = أكّد تسجيلك في السلسلة: { $series }
mail-series-confirm-body = مرحبًا { $name }، لقد طلبت حضور الجلسات أدناه. نقرة واحدة تؤكّدها جميعًا، ولن يُحجز لك أي مقعد قبل ذلك.
mail-series-confirmed-subject = تسجيلك في السلسلة: { $series }
mail-series-confirmed-body = مرحبًا { $name }، إليك وضعك في كل جلسة. دعوات التقويم الخاصة بمقاعدك المؤكَّدة مرفقة، وسنراسلك إن تحرّر مقعد في جلسة تنتظر فيها.
mail-series-cancelled-subject = أُلغيت التسجيلات: { $series }
mail-series-cancelled-body = مرحبًا { $name }، أُلغيت تسجيلاتك في هذه الجلسات. يمكنك التسجيل من جديد في أي وقت.
mail-series-join = الانضمام: { $webinar }
mail-series-status-confirmed = مقعد مؤكَّد
mail-series-status-waitlisted = قائمة الانتظار، الترتيب { $position }
mail-series-status-cancelled = ملغاة
mail-series-status-pending = في انتظار التأكيد
