//! Figure groups: update vs conflict, agreement across digit scripts and qualifiers.
use crate::support::*;

#[test]
fn rising_figures_from_later_sources_are_an_update() {
    let (_d, facts) = brief_fixture("figures", &["a.txt", "b.txt", "d.txt"]);
    let groups = figure_groups(&facts);
    let total = groups
        .iter()
        .find(|g| g.1.is_none())
        .expect("a total group");
    assert_eq!(total.0, "update", "{groups:?}");
    let values: Vec<f64> = total.2.iter().map(|c| c.1).collect();
    assert!(values.contains(&40.0) && values.contains(&90.0));
}

#[test]
fn different_figures_on_the_same_day_are_a_conflict() {
    let (_d, facts) = brief_fixture("figures", &["a.txt", "b.txt", "c.txt", "d.txt"]);
    let groups = figure_groups(&facts);
    let total = groups
        .iter()
        .find(|g| g.1.is_none())
        .expect("a total group");
    assert_eq!(total.0, "conflict", "{groups:?}");
    // conflicts come first
    assert_eq!(groups[0].0, "conflict");
}

#[test]
fn arabic_indic_digits_and_qualifiers_agree() {
    // b: "نحو ٢٠ مدنيا" (about 20, Arabic-Indic digits); c: "١٨ مدنيا" on the same day
    let (_d, facts) = brief_fixture("figures", &["b.txt", "c.txt"]);
    let groups = figure_groups(&facts);
    let civ = groups
        .iter()
        .find(|g| g.1.as_deref() == Some("civilians"))
        .expect("civilians group");
    assert_eq!(civ.0, "agree", "{groups:?}");
    let mut v: Vec<f64> = civ.2.iter().map(|c| c.1).collect();
    v.sort_by(f64::total_cmp);
    assert_eq!(v, vec![18.0, 20.0]);
}

#[test]
fn exact_same_figure_in_two_scripts_agrees() {
    // b: "أكثر من 90" (Western digits), d: "٩٠" a day later: more than 90 allows 90
    let (_d, facts) = brief_fixture("figures", &["b.txt", "d.txt"]);
    let groups = figure_groups(&facts);
    let total = groups
        .iter()
        .find(|g| g.1.is_none())
        .expect("a total group");
    assert_eq!(total.0, "agree", "{groups:?}");
}

#[test]
fn an_earlier_war_toll_is_never_grouped_with_todays() {
    // e: «قتل 40 شخصا في حرب التسعينات» (the 1990s) beside a: today's 40 killed
    let (_d, facts) = brief_fixture("figures", &["a.txt", "e.txt"]);
    let historical: Vec<&serde_json::Value> = facts["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["era"] == "historical")
        .collect();
    assert_eq!(historical.len(), 1, "{historical:?}");
    assert_eq!(historical[0]["value"], 40.0);
    // no group holds both 40s: the earlier war's is not an agreement with today's toll
    for g in figure_groups(&facts) {
        let articles: Vec<&str> = g.2.iter().map(|c| c.0.as_str()).collect();
        assert!(
            !(articles.contains(&"a") && articles.contains(&"e")),
            "{g:?}"
        );
    }
}
