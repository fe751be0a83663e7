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

#[test]
fn a_total_over_two_attacks_is_not_one_attacks_figure() {
    // f: 12 killed in two attacks; g: 12 killed in one attack the same day; h: the two attacks'
    // toll risen to 15 the next day. Equal numbers that count different things never agree.
    let (_d, facts) = brief_fixture("several", &["f.txt", "g.txt", "h.txt"]);
    let groups = figure_groups(&facts);
    let with = |a: &str, g: &Group| g.2.iter().any(|c| c.0 == a);
    for g in &groups {
        assert!(!(with("f", g) && with("g", g)), "{groups:?}");
    }
    let two = groups
        .iter()
        .find(|g| with("f", g))
        .expect("the two attacks' toll");
    assert!(with("h", two), "{groups:?}");
    assert_eq!(two.0, "update", "{groups:?}");
}

#[test]
fn a_figure_without_date_or_place_joins_the_one_recent_incident() {
    // i1: 20 killed in an attack on Miran yesterday; i2: the toll, 20, with no date or place
    let (_d, facts) = brief_fixture("several", &["i1.txt", "i2.txt"]);
    let groups = figure_groups(&facts);
    let both = groups
        .iter()
        .find(|g| g.2.iter().any(|c| c.0 == "i1") && g.2.iter().any(|c| c.0 == "i2"));
    assert_eq!(both.map(|g| g.0.as_str()), Some("agree"), "{groups:?}");
}

#[test]
fn a_toll_told_with_an_older_date_is_another_incident() {
    // i3: the 4 killed of an earlier attack «الذي أوقع 4 قتلى في 5 يناير», two months before
    // the report; i2: today's 20 with no date: no conflict, they count different incidents
    let (_d, facts) = brief_fixture("several", &["i2.txt", "i3.txt"]);
    for g in figure_groups(&facts) {
        let has = |a: &str| g.2.iter().any(|c| c.0 == a);
        assert!(!(has("i2") && has("i3")), "{g:?}");
    }
}

#[test]
fn what_one_witness_saw_is_no_toll_to_compare() {
    // w: a witness saw more than 20 bodies; i2: the toll, 20. The witness's count is kept in
    // facts.json as an eyewitness figure but never grouped, so never «the latest figure»
    let (_d, facts) = brief_fixture("several", &["i2.txt", "w.txt"]);
    let witness = facts["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["article"] == "w" && n["value"] == 20.0)
        .expect("the witness's figure");
    assert_eq!(witness["status"], "eyewitness", "{witness}");
    for g in figure_groups(&facts) {
        assert!(g.2.iter().all(|c| c.0 != "w"), "{g:?}");
    }
}

#[test]
fn incident_dates_a_day_apart_are_one_incident() {
    // i4 (5 March) and i5 (6 March) both say «أمس»: a paper of the next morning dates the same
    // attack a day later; the two tolls are one row, an update
    let (_d, facts) = brief_fixture("several", &["i4.txt", "i5.txt"]);
    let groups = figure_groups(&facts);
    let both = groups
        .iter()
        .find(|g| g.2.iter().any(|c| c.0 == "i4") && g.2.iter().any(|c| c.0 == "i5"));
    assert_eq!(both.map(|g| g.0.as_str()), Some("update"), "{groups:?}");
}

#[test]
fn an_older_incident_without_a_place_is_not_placed_in_the_recent_one() {
    // i1: 20 killed in Miran yesterday; i3: 4 killed two months earlier, no place told. The
    // briefing must not say the 4 were killed in Miran.
    let (d, _facts) = brief_fixture("several", &["i1.txt", "i3.txt"]);
    let md = std::fs::read_to_string(d.path().join("briefing.md")).unwrap();
    let line = md
        .lines()
        .find(|l| l.contains("**Coast Times") && l.contains("4 — killed"))
        .unwrap_or_else(|| panic!("a line for the 4 killed:\n{md}"));
    assert!(!line.contains("Miran"), "{line}");
}

#[test]
fn the_key_figures_table_has_one_row_per_thing_counted() {
    // j1 gives 10 and 30 killed (two incidents it does not name apart), j2 the 10, j3 the 30:
    // two rows nothing tells apart — the table shows the one, the other goes with the figures
    // of one report, never two rows both called «killed»
    let (d, _facts) = brief_fixture("several", &["j1.txt", "j2.txt", "j3.txt"]);
    let md = std::fs::read_to_string(d.path().join("briefing.md")).unwrap();
    let table: Vec<&str> = md
        .split("### Key figures")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.starts_with("###"))
        .filter(|l| l.starts_with("| killed"))
        .collect();
    assert_eq!(table.len(), 1, "{md}");
}
