# حسابات المتعلمين: التنقل
account-nav = حسابي
account-nav-login = تسجيل الدخول
account-nav-signup = إنشاء حساب

# الحقول
account-full-name = الاسم الكامل
account-email = عنوان البريد الإلكتروني
account-password = كلمة المرور
account-password-hint = عشرة أحرف على الأقل. الجملة القصيرة سهلة التذكر وصعبة التخمين.
account-current-password = كلمة المرور الحالية
account-new-password = كلمة المرور الجديدة
account-new-email = عنوان البريد الإلكتروني الجديد
account-consent = أوافق على أن يحتفظ Convive باسمي وعنواني وتقدّمي في التعلّم لإدارة حسابي. ويمكنني حذف حسابي في أي وقت.

# إنشاء حساب
account-signup-title = أنشئ حسابك
account-signup-intro = يحفظ الحساب تقدّمك في وحدات التدريب ويمنحك شهادة عن كل وحدة تُتمّها.
account-signup-submit = إنشاء حسابي
account-have-account = هل لديك حساب بالفعل؟
account-login-link = تسجيل الدخول
account-signup-sent-title = تفقّد بريدك الإلكتروني
account-signup-sent-text = إذا كان بالإمكان استخدام هذا العنوان، فقد أرسلنا إليه رسالة. افتح الرابط الوارد فيها لتأكيد عنوانك والبدء في التعلّم.
account-go-modules = تصفّح وحدات التدريب

# التحقق
account-verify-title = أكّد عنوان بريدك الإلكتروني
account-verify-text = اضغط على الزر لتأكيد أن هذا العنوان يخصّك.
account-verify-submit = تأكيد عنواني
account-verified-title = تم تأكيد عنوانك
account-verified-text = لقد سجّلت الدخول. سيُحفَظ تقدّمك في الوحدات من الآن فصاعدًا.
account-link-invalid-title = هذا الرابط لم يعد صالحًا
account-link-invalid-text = الرابط غير صالح أو انتهت صلاحيته. يمكنك طلب رابط جديد.

# تسجيل الدخول والخروج
account-login-title = تسجيل الدخول
account-login-submit = دخول
account-forgot-link = هل نسيت كلمة المرور؟
account-no-account = ليس لديك حساب بعد؟
account-signup-link = أنشئ حسابًا
account-logout = تسجيل الخروج

# نسيان كلمة المرور
account-forgot-title = نسيت كلمة المرور
account-forgot-intro = أدخل عنوان حسابك وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
account-forgot-submit = أرسل لي رابطًا
account-forgot-sent-title = تفقّد بريدك الإلكتروني
account-forgot-sent-text = إذا كان هناك حساب يستخدم هذا العنوان، فإن رسالة تتضمن رابطًا لاختيار كلمة مرور جديدة في طريقها إليك. يبقى الرابط صالحًا لمدة ساعة واحدة.
account-reset-title = اختر كلمة مرور جديدة
account-reset-submit = حفظ كلمة المرور الجديدة
account-reset-done-title = تم تغيير كلمة المرور
account-reset-done-text = يمكنك الآن تسجيل الدخول بكلمة المرور الجديدة.

# الإعدادات
account-settings-title = حسابي
account-password-title = تغيير كلمة المرور
account-password-submit = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور، وأُنهيت جلساتك الأخرى.
account-email-title = تغيير عنوان البريد الإلكتروني
account-email-submit = تغيير عنواني
account-email-sent = أرسلنا رابطًا إلى العنوان الجديد. سيتغيّر عنوانك بمجرد فتحه.
account-delete-title = حذف حسابي
account-delete-text = يؤدي هذا إلى حذف حسابك وتقدّمك وشهاداتك، ولا يمكن التراجع عنه.
account-delete-submit = حذف حسابي نهائيًا
account-deleted-title = تم حذف حسابك
account-deleted-text = تم حذف حسابك وتقدّمك وشهاداتك.

# الأخطاء
account-error-email = أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.org.
account-error-password-short = يجب أن تتكوّن كلمة المرور من عشرة أحرف على الأقل.
account-error-password-long = كلمة المرور طويلة جدًا.
account-error-name = أدخل اسمك (120 حرفًا على الأكثر).
account-error-locale = اختر لغة: fr أو en أو ar.
account-error-consent = يُرجى قبول الشروط لإنشاء حساب.
account-error-credentials = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحين.
account-error-not-verified = يُرجى تأكيد عنوانك أولًا: افتح الرابط الذي أرسلناه إليك عبر البريد الإلكتروني.
account-error-token = هذا الرابط غير صالح أو انتهت صلاحيته.
account-error-sign-in-required = يُرجى تسجيل الدخول لحفظ تقدّمك.
account-error-current-password = كلمة المرور الحالية غير صحيحة.
