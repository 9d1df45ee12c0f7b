//! Quotations, speech cues, indirect speech and speakers, on sentences composed for these tests
//! (news shapes, names the lexicon knows). Role descriptors are given as hand-built role spans,
//! as the entity stage gives them.

use kashif::doc::Doc;
use kashif::span::{Kind, Span};
use kashif::{entities, quotes};

/// The speaker of a quotation no one can be attributed.
const NOBODY: &str = "";

/// The spans of `kind` the quotation stage finds in `text`, as (words, speaker name), after the
/// entity stage and the given role spans: (role words, the person's canonical name, or None for
/// a role the article links to no one).
fn found(text: &str, roles: &[(&str, Option<&str>)], kind: Kind) -> Vec<(String, String)> {
    let doc = Doc::new(text);
    let (mut spans, ents) = entities::analyze(&doc);
    for &(role, person) in roles {
        let entity = person.map(|p| ents.iter().position(|e| e.name == p).unwrap_or_else(|| panic!("{p} is not named in {text:?}")));
        for (start, _) in text.match_indices(role) {
            let mut s = Span::new(Kind::Role, start, start + role.len(), "rule", "a role, built by the test");
            s.entity = entity;
            spans.push(s);
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = quotes::find(&doc, &spans, &ents).into_iter().filter(|s| s.kind == kind).collect();
    out.sort_by_key(|s| s.start);
    out.into_iter()
        .map(|s| {
            assert!(s.speaker.is_some(), "every {kind:?} span says who speaks, or that no one can be told");
            let who = s.speaker.and_then(|p| p.name).unwrap_or_default();
            (text[s.start..s.end].to_string(), who)
        })
        .collect()
}

/// `check!(Kind; text => [(words, speaker), …]; …)`, with role spans after `roles [...]`.
macro_rules! check {
    ($kind:ident $(, roles [$(($role:expr, $person:expr)),*])?; $($text:expr => [$(($words:expr, $who:expr)),* $(,)?];)+) => {
        let roles: &[(&str, Option<&str>)] = &[$($(($role, $person)),*)?];
        $(
            let want: Vec<(String, String)> = vec![$(($words.to_string(), $who.to_string())),*];
            assert_eq!(found($text, roles, Kind::$kind), want, "{} in {:?}", stringify!($kind), $text);
        )+
    };
}

#[test]
fn each_cue_verb_introduces_colon_speech() {
    check! { Quote;
        "قال بوتين: سنرد على أي تهديد." => [("سنرد على أي تهديد.", "فلاديمير بوتين")];
        "وأكد لافروف: موسكو لن تتراجع." => [("موسكو لن تتراجع.", "سيرغي لافروف")];
        "وأضاف زيلينسكي: الدعم يجب أن يستمر." => [("الدعم يجب أن يستمر.", "فولوديمير زيلينسكي")];
        "وأشار ماكرون: أوروبا تحتاج إلى جيش موحد." => [("أوروبا تحتاج إلى جيش موحد.", "إيمانويل ماكرون")];
        "ولفت شولتس: الطاقة ملف حساس." => [("الطاقة ملف حساس.", "أولاف شولتس")];
        "وأوضح أردوغان: المفاوضات في مرحلة دقيقة." => [("المفاوضات في مرحلة دقيقة.", "رجب طيب أردوغان")];
        "وتابع نتنياهو: العملية مستمرة." => [("العملية مستمرة.", "بنيامين نتنياهو")];
        "وصرح غوتيريش: الوضع الإنساني كارثي." => [("الوضع الإنساني كارثي.", "أنطونيو غوتيريش")];
        "وذكرت كالاس: العقوبات ستشدد." => [("العقوبات ستشدد.", "كايا كالاس")];
        "وكشف بوريل: الحزمة الجديدة جاهزة." => [("الحزمة الجديدة جاهزة.", "جوزيب بوريل")];
        "وشدد السيسي: الأمن القومي خط أحمر." => [("الأمن القومي خط أحمر.", "عبد الفتاح السيسي")];
        "واعتبر أبو الغيط: الحل السياسي هو الطريق." => [("الحل السياسي هو الطريق.", "أحمد أبو الغيط")];
        "وألمح ترامب: قد نعيد النظر في الاتفاق." => [("قد نعيد النظر في الاتفاق.", "دونالد ترامب")];
        "ثم قالت هاريس: الانتخابات لم تحسم بعد." => [("الانتخابات لم تحسم بعد.", "كامالا هاريس")];
        "ويقول بايدن: التحالف أقوى من أي وقت." => [("التحالف أقوى من أي وقت.", "جو بايدن")];
        "وختم ستولتنبرغ حديثه مضيفا: الباب مفتوح." => [("الباب مفتوح.", "ينس ستولتنبرغ")];
        "بادر أبو مازن بالقول: القدس ليست للبيع." => [("القدس ليست للبيع.", "محمود عباس")];
        "وأضاف «روته»: الحلف موحد." => [("الحلف موحد.", "مارك روته")];
        "بلينكن أكد: واشنطن ملتزمة." => [("واشنطن ملتزمة.", "أنتوني بلينكن")];
        "غالانت، صرح: الجبهة الشمالية هادئة." => [("الجبهة الشمالية هادئة.", "يوآف غالانت")];
        "روسيا أكدت: لن ننسحب." => [("لن ننسحب.", "روسيا")];
        // A place that completes a phrase before the cue is not its subject.
        "وردا على سؤال عن الملاحة في منطقة الخليج أجاب ماكرون: فرنسا حاضرة." => [("فرنسا حاضرة.", "إيمانويل ماكرون")];
        "وقال وزير الخارجية سامح شكري في مؤتمر صحفي: القاهرة تتحرك." => [("القاهرة تتحرك.", "سامح شكري")];
        // A spokesman is not the one they speak for.
        "وقال المتحدث باسم الرئيس بوتين: لا تعليق." => [("لا تعليق.", NOBODY)];
    }
}

#[test]
fn cue_words_get_their_own_spans() {
    check! { Cue;
        "وأضاف «روته»: الحلف موحد." => [("وأضاف", "مارك روته")];
        "بادر أبو مازن بالقول: القدس ليست للبيع." => [("بالقول", "محمود عباس")];
        "قال بوتين إن الغرب يماطل." => [("قال", "فلاديمير بوتين")];
        "«لن نتراجع»، قالت كالاس." => [("قالت", "كايا كالاس")];
        "ذكر التقرير أرقاما كثيرة." => [];
    }
}

#[test]
fn passages_in_quotation_marks() {
    check! { Quote;
        "قال بوتين إن «الغرب لا يريد السلام»." => [("الغرب لا يريد السلام", "فلاديمير بوتين")];
        // Who is spoken to is not the speaker.
        "وقال لبوتين: «نحن لا نثق بالوعود»." => [("نحن لا نثق بالوعود", NOBODY)];
        "كشفت فون دير لاين في بيان: «سنقدم حزمة مساعدات جديدة» للحكومة." => [("سنقدم حزمة مساعدات جديدة", "أورسولا فون دير لاين")];
        "«لن نقبل بأي تسوية على حساب أرضنا»، قال زيلينسكي للصحفيين." => [("لن نقبل بأي تسوية على حساب أرضنا", "فولوديمير زيلينسكي")];
        "«الحرب يجب أن تنتهي الآن»، بحسب غوتيريش." => [("الحرب يجب أن تنتهي الآن", "أنطونيو غوتيريش")];
        "وقال ماكرون “فرنسا لن تقف مكتوفة الأيدي” أمام البرلمان." => [("فرنسا لن تقف مكتوفة الأيدي", "إيمانويل ماكرون")];
        "وقال شولتس: \"ألمانيا ستفي بالتزاماتها\"." => [("ألمانيا ستفي بالتزاماتها", "أولاف شولتس")];
        "وقال أردوغان: «نعم»." => [("نعم", "رجب طيب أردوغان")];
        // An opening mark left unpaired is not part of the words.
        "وقال لافروف: \" موسكو لن تتراجع." => [("موسكو لن تتراجع.", "سيرغي لافروف")];
        // The marks may open the next line; a passage that opens the following sentence or
        // line goes on with the same speaker, one elsewhere in the narrative does not.
        "وقال بلينكن:\n«نحن ملتزمون بأمن الحلفاء».\n«لدينا خطة واضحة للأشهر المقبلة»." =>
            [("نحن ملتزمون بأمن الحلفاء", "أنتوني بلينكن"), ("لدينا خطة واضحة للأشهر المقبلة", "أنتوني بلينكن")];
        "قال بلينكن: «نعم». وتحت شعار «لن نترك أرضنا مهما كان الثمن» خرجت المظاهرات." =>
            [("نعم", "أنتوني بلينكن"), ("لن نترك أرضنا مهما كان الثمن", NOBODY)];
        // A name and a colon opening a sentence, as headlines quote.
        "بوتين: لن نتراجع عن أهدافنا\nوفي موسكو اجتمع المجلس." => [("لن نتراجع عن أهدافنا", "فلاديمير بوتين")];
        "* روته: الحلف موحد." => [("الحلف موحد.", "مارك روته")];
        "اجتمع الوزراء في بروكسل: روسيا على جدول الأعمال." => [];
    }
}

#[test]
fn short_phrases_quoted_inside_indirect_speech_are_the_speakers_words() {
    check! { Quote;
        "وأكد بلينكن أن الهجوم يستوجب «ردا قويا» من الحلفاء." => [("ردا قويا", "أنتوني بلينكن")];
        "واعتبر لافروف أن العقوبات «غير شرعية» ولن تنجح." => [("غير شرعية", "سيرغي لافروف")];
        "وقال عباس إن «الأونروا» لا بديل عنها." => [];
        "وقال عباس إن «الحل» قريب." => [];
        "وقال بوتين إن طائرات «سو 35» ستصل قريبا." => [];
    }
}

#[test]
fn names_and_titles_in_guillemets_are_not_quotations() {
    check! { Quote;
        "حصلت «الدستور» على نسخة من الوثيقة." => [];
        "اجتمع «مارك روته» مع «أنتوني بلينكن» في بروكسل." => [];
        "وقعت عملية «طوفان الأقصى» في الخريف." => [];
        "رد «بوتين» على المقترح ببرود." => [];
        // After a cue, a name in marks that the words go on after is part of the words.
        "قال عبد العاطي: «الأهرام» نشرت الخبر كاملا." => [("«الأهرام» نشرت الخبر كاملا.", "بدر عبد العاطي")];
        "نشرت صحيفة «المصري اليوم» تقريرا عن «صفقة القرن» التي طرحها ترامب." => [];
        // Inside a quotation a name in guillemets is part of the words, not a quotation of its own.
        "وقال روته: لن نسمح لـ«بوتين» بالانتصار في أوكرانيا." => [("لن نسمح لـ«بوتين» بالانتصار في أوكرانيا.", "مارك روته")];
    }
}

#[test]
fn a_clause_in_marks_with_no_cue_is_a_quotation_without_a_speaker() {
    check! { Quote;
        "وجاء في الوثيقة: «نحن ملتزمون بوقف إطلاق النار فورا»." => [("نحن ملتزمون بوقف إطلاق النار فورا", NOBODY)];
        "وتحت شعار «لن نترك أرضنا مهما كان الثمن» خرجت المظاهرات." => [("لن نترك أرضنا مهما كان الثمن", NOBODY)];
        "وقال مصدر مطلع: الاجتماع سيعقد غدا." => [("الاجتماع سيعقد غدا.", NOBODY)];
    }
}

#[test]
fn nested_guillemets_stay_inside_their_quotation() {
    check! { Quote;
        "وقال أردوغان: «قلت لهم «لا» بوضوح ثم غادرت»." => [("قلت لهم «لا» بوضوح ثم غادرت", "رجب طيب أردوغان")];
        "وأضاف ماكرون «سمعت من الرئيس «نحن مستعدون للتفاوض» وهذا يكفي»." => [("سمعت من الرئيس «نحن مستعدون للتفاوض» وهذا يكفي", "إيمانويل ماكرون")];
    }
}

#[test]
fn colon_speech_runs_over_paragraphs_while_the_speaker_keeps_talking() {
    check! { Quote;
        // First-person paragraphs continue the words; narration ends them.
        "وقال زيلينسكي في كلمة مصورة:\nنحن لن نستسلم.\nلدينا جيش قوي وشعب صامد.\nوتأتي تصريحات الرئيس بعد هجوم واسع." =>
            [("نحن لن نستسلم.\nلدينا جيش قوي وشعب صامد.", "فولوديمير زيلينسكي")];
        "قال شولتس: ألمانيا ستواصل الدعم.\nوكانت برلين قد أرسلت دبابات." => [("ألمانيا ستواصل الدعم.", "أولاف شولتس")];
        // The line after a colon that ends its line is the words, however short.
        "وسئل ماكرون عن الاقتراح فقال:\nمستحيل\nوانتهى اللقاء." => [("مستحيل", "إيمانويل ماكرون")];
        // A heading ends them.
        "وقال بوريل:\nعلينا أن نتحرك بسرعة.\n*ردود الفعل الدولية\nلدينا أسبوع واحد." => [("علينا أن نتحرك بسرعة.", "جوزيب بوريل")];
        // A new attribution ends them, in the next paragraph or the next sentence.
        "قال لافروف: سنرد.\n.. وأضاف بوتين: نحن جاهزون." => [("سنرد.", "سيرغي لافروف"), ("نحن جاهزون.", "فلاديمير بوتين")];
        "وقال نتنياهو: سنواصل الحرب. وأضاف غالانت: الجيش جاهز." => [("سنواصل الحرب.", "بنيامين نتنياهو"), ("الجيش جاهز.", "يوآف غالانت")];
        "وقال بايدن: لقد عملنا كثيرا. وفي ختام كلمته، شكر بايدن الحضور." => [("لقد عملنا كثيرا.", "جو بايدن")];
        // Naming the speaker in the third person is narration.
        "قال ماكرون:\nنحن في لحظة حاسمة.\nوتحدث ماكرون بعدها معنا عن أوروبا." => [("نحن في لحظة حاسمة.", "إيمانويل ماكرون")];
    }
}

#[test]
fn list_shaped_speech_gives_one_quotation_per_item() {
    check! { Quote;
        "وقال غوتيريش:\n* أولا: وقف إطلاق النار فورا.\n* ثانيا: إدخال المساعدات دون عوائق.\n*ردود فعل\nرحبت فرنسا." => [
            ("وقف إطلاق النار فورا.", "أنطونيو غوتيريش"),
            ("إدخال المساعدات دون عوائق.", "أنطونيو غوتيريش"),
        ];
        // The cue's clause runs to its line's end and a list follows.
        "أكد لافروف في مؤتمره، ومنها\nأولا:\nإن العقوبات لن تنجح.\nثانيا:\nإن روسيا ستبقى قوية." => [
            ("إن العقوبات لن تنجح.", "سيرغي لافروف"),
            ("إن روسيا ستبقى قوية.", "سيرغي لافروف"),
        ];
        // Labels in the middle of a line, after a full stop or a bullet.
        "وقال السيسي: أولا: الأمن. ثانيا: التنمية. *ثالثا: العدالة." =>
            [("الأمن.", "عبد الفتاح السيسي"), ("التنمية.", "عبد الفتاح السيسي"), ("العدالة.", "عبد الفتاح السيسي")];
        // Indirect speech that announces a list.
        "وأوضح غوتيريش أن الأولويات ثلاث:\n1- وقف النار.\n2- المساعدات.\n3- الأسرى." => [
            ("وقف النار.", "أنطونيو غوتيريش"),
            ("المساعدات.", "أنطونيو غوتيريش"),
            ("الأسرى.", "أنطونيو غوتيريش"),
        ];
    }
}

#[test]
fn a_cue_without_a_subject_carries_the_previous_speaker() {
    check! { Quote;
        "قالت فون دير لاين: ندعم كييف. فقالت أيضا: لدينا خطة." =>
            [("ندعم كييف.", "أورسولا فون دير لاين"), ("لدينا خطة.", "أورسولا فون دير لاين")];
        "وأقر أردوغان بأن الوضع صعب فقال: لن نتخلى عن حلفائنا." => [("لن نتخلى عن حلفائنا.", "رجب طيب أردوغان")];
        "قال ستولتنبرغ: الحلف قوي.\nوقال أيضا: لدينا قدرات كبيرة." =>
            [("الحلف قوي.", "ينس ستولتنبرغ"), ("لدينا قدرات كبيرة.", "ينس ستولتنبرغ")];
        "وفي كلمة أمام الجمعية، قال بايدن: نحن معكم.\nوفي ختام كلمته قال: شكرا لكم." =>
            [("نحن معكم.", "جو بايدن"), ("شكرا لكم.", "جو بايدن")];
        // With no earlier cue in the sentence, the person the sentence names, unless a
        // preposition governs them.
        "قال بايدن: نعم.\nوخلال زيارة ماكرون إلى برلين قال: أوروبا موحدة." => [("نعم.", "جو بايدن"), ("أوروبا موحدة.", "إيمانويل ماكرون")];
        "قال بايدن: نعم.\nوفي لقاء مع ماكرون قال: أوروبا شريك." => [("نعم.", "جو بايدن"), ("أوروبا شريك.", "جو بايدن")];
        // Too far from the last attribution, or an impersonal cue: no one.
        "قال بايدن: نعم.\nوصل الوفد.\nبدأت المحادثات.\nانتهت الجلسة.\nوقال: الاتفاق قريب." => [("نعم.", "جو بايدن"), ("الاتفاق قريب.", NOBODY)];
        "قال بايدن: نعم.\nوجاء في البيان: الاتفاق قريب." => [("نعم.", "جو بايدن"), ("الاتفاق قريب.", NOBODY)];
        "قال بايدن: نعم.\nويذكر أن الاتفاق قريب." => [("نعم.", "جو بايدن")];
        // A subject the text gives but no mention names is not replaced by the previous speaker.
        "قال بايدن: نعم.\nوقال مسؤول أمريكي: الاتفاق قريب." => [("نعم.", "جو بايدن"), ("الاتفاق قريب.", NOBODY)];
    }
    check! { Reported;
        "قال بلينكن: سنواصل الدعم. وهو لفت إلى أن الحلف موحد." => [("أن الحلف موحد.", "أنتوني بلينكن")];
    }
}

#[test]
fn roles_name_their_holder() {
    check! { Quote, roles [("الأمين العام للحلف", Some("مارك روته"))];
        "التقى بلينكن مارك روته في بروكسل.\nوأشار الأمين العام للحلف في ختام اللقاء: القمة المقبلة في لاهاي." =>
            [("القمة المقبلة في لاهاي.", "مارك روته")];
    }
    // A role followed by its holder's name in guillemets is that person.
    check! { Quote, roles [("وزير الخارجية الأمريكي", None)];
        "وقال وزير الخارجية الأمريكي «أنتوني بلينكن»: الحلف موحد." => [("الحلف موحد.", "أنتوني بلينكن")];
    }
    // A role the article links to no one names the speaker by its words.
    check! { Quote, roles [("المتحدث باسم الكرملين", None)];
        "وقال المتحدث باسم الكرملين: لا تعليق." => [("لا تعليق.", "المتحدث باسم الكرملين")];
    }
    // A role left unlinked takes the holder of an earlier linked mention of the same role.
    check! { Quote, roles [("الأمين العام للحلف", Some("مارك روته")), ("الامين العام للحلف", None)];
        "قال الأمين العام للحلف مارك روته إن القمة ناجحة.\nوأضاف الامين العام للحلف: سنلتقي مجددا." => [("سنلتقي مجددا.", "مارك روته")];
    }
    // A later bare or possessive mention of the role, and an organization speaking through it.
    check! { Quote, roles [("الأمين العام للأمم المتحدة", Some("أنطونيو غوتيريش"))];
        "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش الوفد.\nوأضاف الأمين العام: الحل قريب." => [("الحل قريب.", "أنطونيو غوتيريش")];
        "حضر الأمين العام للأمم المتحدة أنطونيو غوتيريش.\nولفتت المنظمة، عبر أمينها العام، إلى الأزمة فقالت: الوضع خطير.\nوقالت أيضا: نحتاج إلى تمويل." =>
            [("الوضع خطير.", "أنطونيو غوتيريش"), ("نحتاج إلى تمويل.", "أنطونيو غوتيريش")];
    }
}

#[test]
fn indirect_speech_is_reported_with_its_speaker_and_is_not_a_quotation() {
    check! { Reported;
        "قال بوتين إن روسيا لن تتراجع." => [("إن روسيا لن تتراجع.", "فلاديمير بوتين")];
        "وأضاف لافروف أن المحادثات مستمرة." => [("أن المحادثات مستمرة.", "سيرغي لافروف")];
        "وأشار غوتيريش إلى أن المساعدات لا تكفي." => [("أن المساعدات لا تكفي.", "أنطونيو غوتيريش")];
        "وأقر نتنياهو بأنه أخطأ التقدير." => [("بأنه أخطأ التقدير.", "بنيامين نتنياهو")];
        "أعلنت الأمم المتحدة أنها ستوسع عملياتها." => [("أنها ستوسع عملياتها.", "الأمم المتحدة")];
        // A participle continues the sentence's speaker; a comma before the next cue ends the first.
        "كشف بلينكن أن القوات تتقدم في الشرق، مؤكدا أن الوضع يتطلب الحذر." =>
            [("أن القوات تتقدم في الشرق", "أنتوني بلينكن"), ("أن الوضع يتطلب الحذر.", "أنتوني بلينكن")];
        "وفي خطاب طويل، رأى المراقبون أن بايدن تعب." => [];
        // A present with no subject that reads as the passive is attributed to no one.
        "ويذكر أن الاتفاق وقع قبل عامين." => [("أن الاتفاق وقع قبل عامين.", NOBODY)];
    }
    check! { Quote;
        "قال بوتين إن روسيا لن تتراجع." => [];
    }
}

#[test]
fn quotations_slice_back_to_the_original_with_marks_and_emoji_before_them() {
    let text = "😀 قَالَ بوتيـــن: «سنرد على التهديد»، وأضاف أن الغرب يماطل.";
    check! { Quote; text => [("سنرد على التهديد", "فلاديمير بوتين")]; }
    check! { Reported; text => [("أن الغرب يماطل.", "فلاديمير بوتين")]; }
}

#[test]
fn any_arrangement_of_cues_marks_and_labels_is_analysed_soundly() {
    use kashif::testing::Rng;
    const PIECES: &[&str] = &[
        "قال", "وقال", "فقال", "أكدت", "مضيفا", "بالقول", "يقول", "وجاء", "إن", "أن", "بأن", "إلى", "عبر", "بحسب", "أيضا",
        "بوتين", "مارك روته", "الأمين العام", "أمينه", "الحلف", "نحن", "لدينا", "عقدنا", "أولا", "ثانيا", "1", "2", ":", ":",
        "«", "»", "“", "”", "\"", "*", "-", "،", ".", "..", "؟", "\n", "\n", " ", " ", " ", "😀", "\u{064E}", "\u{0640}",
    ];
    let mut rng = Rng::new(5);
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..1 + round % 60 {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        let doc = Doc::new(&text);
        let (mut spans, ents) = entities::analyze(&doc);
        if let (Some(start), true) = (text.find("الأمين العام"), !ents.is_empty()) {
            let mut role = Span::new(Kind::Role, start, start + "الأمين العام".len(), "rule", "test");
            role.entity = Some(rng.below(ents.len()));
            spans.push(role);
            spans.sort_by_key(|s| s.start);
        }
        for s in quotes::find(&doc, &spans, &ents) {
            assert!(s.start < s.end && s.end <= text.len(), "{s:?} in {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
            assert!(matches!(s.kind, Kind::Quote | Kind::Cue | Kind::Reported), "{s:?}");
            let who = s.speaker.as_ref().unwrap_or_else(|| panic!("no speaker field on {s:?} in {text:?}"));
            assert!(who.entity.is_none_or(|e| e < ents.len()), "{s:?}");
            assert!(!text[s.start..s.end].trim().is_empty());
        }
    }
}
