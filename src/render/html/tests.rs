//! Small Markdown inputs and the HTML structure they must give.

use super::*;

const AR: &str = "<div lang=\"ar\" dir=\"rtl\">\n\n";
const EN: &str = "<div lang=\"en\" dir=\"ltr\">\n\n";
const END: &str = "\n</div>\n";

fn ar(md: &str) -> String {
    body(&format!("{AR}{md}{END}"))
}

fn en(md: &str) -> String {
    body(&format!("{EN}{md}{END}"))
}

fn runs(text: &str, d: Dir) -> Vec<&str> {
    foreign_runs(text, d)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn latin_in_arabic_text_is_one_run_with_its_brackets() {
    assert_eq!(
        runs("نقلت Demo Wire (01-first-days) الخبر", Dir::Rtl),
        ["Demo Wire (01-first-days)"]
    );
    // digits are runs of their own, with their percent sign; Arabic punctuation ends a run
    assert_eq!(
        runs("ارتفع إلى 58 قتيلا، أي 12.5% من Reuters، أمس", Dir::Rtl),
        ["58", "12.5%", "Reuters"]
    );
    assert_eq!(runs("نحو ٥٠٠ شخص", Dir::Rtl), ["٥٠٠"]);
    assert!(runs("نص عربي فقط.", Dir::Rtl).is_empty());
}

#[test]
fn arabic_in_english_text_keeps_its_digits_and_stops_at_quotes() {
    assert_eq!(
        runs("headline «عنوان يتجاوز 230» in 02", Dir::Ltr),
        ["عنوان يتجاوز 230"]
    );
    // two quoted spellings are two runs, so they stay in the order written
    assert_eq!(
        runs("spelled «قره باغ», «قرة باغ» in 02", Dir::Ltr),
        ["قره باغ", "قرة باغ"]
    );
    // Arabic punctuation inside an Arabic run does not cut it
    assert_eq!(
        runs("x «وصل الوزير، ثم غادر» y", Dir::Ltr),
        ["وصل الوزير، ثم غادر"]
    );
    // digits alone in English text are not isolated
    assert!(runs("58 killed on 2020-10-05", Dir::Ltr).is_empty());
}

#[test]
fn dates_ranges_and_numbered_ids_are_unbreakable_but_words_are_not() {
    let t = "on 2020-10-05, 9–11 killed, 5/10 at 10:30, (01-first-days) snn-26:1, \
             Nagorno-Karabakh: a-b, 12.5";
    let got: Vec<&str> = unbreakable(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(
        got,
        [
            "2020-10-05",
            "9–11",
            "5/10",
            "10:30",
            "01-first-days",
            "snn-26:1"
        ]
    );
}

#[test]
fn direction_of_text_counts_letters_outside_isolates() {
    assert_eq!(text_dir("أرمينيا"), Some(Dir::Rtl));
    assert_eq!(text_dir("Demo Wire"), Some(Dir::Ltr));
    assert_eq!(text_dir("2020-10-05"), None);
    // the isolated Latin label does not make an Arabic cell English
    assert_eq!(
        text_dir("\u{2068}Al-Mizan Daily (05-ceasefire)\u{2069}، بحسب أرمينيا"),
        Some(Dir::Rtl)
    );
    assert_eq!(text_dir("\u{2068}Armenia\u{2069}"), None);
}

#[test]
fn an_arabic_cell_in_an_english_table_is_rtl() {
    let h = en("| Name | Arabic |\n|---|---|\n| Armenia | أرمينيا |\n");
    assert!(h.contains("<th>Name</th>"), "{h}");
    assert!(h.contains("<td>Armenia</td>"), "{h}");
    assert!(h.contains("<td dir=\"rtl\">أرمينيا</td>"), "{h}");
    // nothing of the cell is isolated again: the cell has the direction of its text
    assert!(!h.contains("<bdi"), "{h}");
}

#[test]
fn an_english_cell_in_an_arabic_table_is_ltr_and_isolates_become_bdi() {
    let md = "| الاسم | بالإنجليزية |\n|---|---|\n| أرمينيا | \u{2068}Armenia\u{2069} |\n";
    let h = ar(md);
    assert!(h.contains("<td>أرمينيا</td>"), "{h}");
    assert!(
        h.contains("<td><bdi dir=\"ltr\">Armenia</bdi></td>"),
        "an isolated label keeps the Arabic table's cell and becomes a bdi: {h}"
    );
    assert!(!h.contains('\u{2068}') && !h.contains('\u{2069}'), "{h}");
    // a Latin cell without isolates gets its own direction
    let h = ar("| المصدر |\n|---|\n| Demo Wire |\n");
    assert!(h.contains("<td dir=\"ltr\">Demo Wire</td>"), "{h}");
}

#[test]
fn a_mixed_arabic_cell_isolates_its_label_and_keeps_its_date_whole() {
    let md = "| المصدر والتاريخ |\n|---|\n| \u{2068}Al-Mizan Daily (05-ceasefire)\u{2069}، \u{2068}2020-10-21\u{2069}، بحسب أرمينيا |\n";
    let h = ar(md);
    assert!(
        h.contains(
            "<td><bdi dir=\"ltr\">Al-Mizan Daily (<span class=\"nowrap\">05-ceasefire</span>)</bdi>، <bdi dir=\"ltr\"><span class=\"nowrap\">2020-10-21</span></bdi>، بحسب أرمينيا</td>"
        ),
        "{h}"
    );
}

#[test]
fn latin_and_digits_in_an_arabic_paragraph_are_bdi() {
    let h = ar("قالت Demo Wire إن 9–11 مدنيا قتلوا.\n");
    assert!(
        h.contains(
            "<p>قالت <bdi dir=\"ltr\">Demo Wire</bdi> إن <bdi dir=\"ltr\"><span class=\"nowrap\">9–11</span></bdi> مدنيا قتلوا.</p>"
        ),
        "{h}"
    );
}

#[test]
fn arabic_in_an_english_list_item_is_bdi_in_the_order_written() {
    let h = en("- Baku: spelled «باكو», «باکو» in 03\n");
    assert!(
        h.contains(
            "<li>Baku: spelled «<bdi dir=\"rtl\">باكو</bdi>», «<bdi dir=\"rtl\">باکو</bdi>» in 03</li>"
        ),
        "{h}"
    );
}

#[test]
fn text_outside_the_sections_reads_left_to_right() {
    let h = body("# Briefing · موجز\n\n5 articles, 2020-09-28 to 2020-10-21.\n");
    assert!(
        h.contains("<h1>Briefing · <bdi dir=\"rtl\">موجز</bdi></h1>"),
        "{h}"
    );
    assert!(
        h.contains("<span class=\"nowrap\">2020-09-28</span>"),
        "{h}"
    );
}

#[test]
fn escapes_and_emphasis_inside_cells_stay_well_formed() {
    // an escaped character splits the text into several events; the isolate still spans them
    let h = ar("| المصدر |\n|---|\n| \u{2068}a\\_b \\| c\u{2069} نص |\n");
    assert!(h.contains("<bdi dir=\"ltr\">a_b | c</bdi> نص"), "{h}");
    // an isolate left open is closed before the element around it ends
    let h = ar("**\u{2068}Demo** نص\n");
    assert_eq!(
        h.matches("<bdi").count(),
        h.matches("</bdi>").count(),
        "{h}"
    );
    let strong = h.find("</strong>").unwrap();
    let close = h.find("</bdi>").unwrap();
    assert!(close < strong, "{h}");
}

#[test]
fn html_special_characters_are_escaped_inside_bdi() {
    // the escaped form the templates write (`escape_md`)
    let h = ar("نص \u{2068}AT&T \\<x\\>\u{2069}\n");
    assert!(
        h.contains("<bdi dir=\"ltr\">AT&amp;T &lt;x&gt;</bdi>"),
        "{h}"
    );
}

#[test]
fn code_blocks_are_left_alone() {
    let h = ar("```\nقال Reuters 2020-10-05\n```\n");
    assert!(h.contains("<code>قال Reuters 2020-10-05\n</code>"), "{h}");
}

#[test]
fn column_alignment_is_kept() {
    let h = en("| a | b |\n|:--|--:|\n| x | y |\n");
    assert!(h.contains("<td style=\"text-align: left\">x</td>"), "{h}");
    assert!(h.contains("<td style=\"text-align: right\">y</td>"), "{h}");
}

#[test]
fn the_page_is_self_contained_with_its_title_escaped() {
    let h = html("نص\n", "a <b> & c");
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<title>a &lt;b> &amp; c</title>"));
    assert!(h.contains(".nowrap { white-space: nowrap; }"));
}
