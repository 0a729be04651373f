# مساري التعليمي
learning-nav = مساري التعليمي
learning-title = مساري التعليمي
learning-welcome = مرحبًا بعودتك يا { $name }.
learning-lessons-done = الدروس المكتملة: { $count } من أصل { $total }
learning-minutes-watched = مدة المشاهدة بالدقائق: { $count }
learning-next = ما تشاهده بعد ذلك
learning-all-done = لقد أتممت جميع الدروس. أحسنت!
learning-modules = وحداتي
learning-certificate = عرض شهادتي
learning-error-too-many-intervals = عدد الفترات في التقرير الواحد كبير جدًا.

# التقدّم في الوحدة
module-lessons-done = الدروس المكتملة: { $count } من أصل { $total }
module-progress-label = تقدّمي في هذه الوحدة
module-certificate = عرض شهادتي
module-sign-up-to-track = أنشئ حسابًا لحفظ تقدّمك والحصول على شهادة.

# صفحة الدرس
lesson-position = الدرس { $position }
lesson-player-label = فيديو الدرس
lesson-completed = لقد أتممت هذا الدرس.
lesson-completed-short = مكتمل
lesson-watched-minutes = { $count ->
    [0] لم تشاهده بعد
   *[other] مدة المشاهدة حتى الآن بالدقائق: { $count }
}
lesson-percent-watched = تمت مشاهدة { $percent }٪
lesson-sign-in-to-save = سجّل الدخول لحفظ تقدّمك
lesson-nav-label = دروس أخرى
lesson-previous = الدرس السابق
lesson-next = الدرس التالي
lesson-back-to-module = العودة إلى الوحدة

# الفيديوهات والتسجيلات
video-download = تنزيل الفيديو
video-unavailable = لا يمكن تشغيل هذا الفيديو هنا.
replay-version = النسخة: { $language }
replay-fallback = هذا التسجيل غير متوفر بلغتك بعد: يُعرض باللغة { $language }، مع ترجمة مكتوبة بلغتك حيثما توفرت.
replay-versions-label = نسخ أخرى من التسجيل

# الشهادات
certificate-title = شهادة إتمام
certificate-intro = نشهد بأن
certificate-completed = قد أتمّ وحدة التدريب COOPALIM
certificate-issued-on = صدرت بتاريخ { $date }
certificate-code = رمز التحقق:
certificate-issuer = Convive — وحدات التدريب COOPALIM
certificate-verified = هذه الشهادة أصلية: صادرة عن Convive.
certificate-download = تنزيل ملف PDF
certificate-print-hint = أو اطبع هذه الصفحة.
