//! The whole pipeline on arbitrary text: no panic, every span on character boundaries inside the
//! text (a property test standing in for a fuzzer; cargo-fuzz needs a nightly toolchain).
use crate::support::*;
use mizan::corpus::{self, Article};
use mizan::glossary::Glossary;
use proptest::prelude::*;

fn article(text: String, date: Option<&str>) -> Article {
    Article {
        id: "p".into(),
        path: "p".into(),
        title: None,
        date: date.map(str::to_string),
        outlet: None,
        url: None,
        sentences: corpus::segment(&text, 0, None),
        text,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_goes_through_without_panic(
        a in "[ءاأإآبتثجحخدذرزسشصضطظعغفقكلمنهويىة ًٌٍَُِّْـ\u{200c}\u{202b}ی ک٠-٩0-9a-z.,،؟!؛:\"«»“”()\n%/-]{0,300}",
        b in "[ءاأإآبتثجحخدذرزسشصضطظعغفقكلمنهويىة ٠-٩0-9.,،:\n-]{0,200}",
    ) {
        let g = Glossary::load(&root().join("glossary.yaml")).unwrap();
        let arts = vec![article(a, Some("2020-10-21")), article(b, None)];
        let an = mizan::run_pipeline(&g, arts);
        for x in &an.articles {
            let t = &x.article.text;
            for m in &x.mentions {
                prop_assert!(m.start < m.end && m.end <= t.len() && t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            }
            for n in &x.facts.numbers {
                prop_assert!(n.start < n.end && n.end <= t.len() && t.is_char_boundary(n.start) && t.is_char_boundary(n.end));
            }
            for s in &x.article.sentences {
                prop_assert!(s.start < s.end && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            }
        }
        // rendering the facts and the templates works too
        let doc = mizan::report::build(&g, &an);
        prop_assert!(serde_json::to_string(&doc).is_ok());
        let ctx = mizan::render::context::build(&g, &an);
        let t = mizan::render::Templates::load(None).unwrap();
        prop_assert!(t.render("briefing", &ctx).is_ok());
    }
}
