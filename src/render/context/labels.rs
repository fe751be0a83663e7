//! Short readable names for sources («Al Jazeera, 21 Oct»), and which articles are copies of one
//! wire story, so that a report counts once however many outlets reprint it.

use crate::Analyzed;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// «2020-10-04» → «4 October 2020»; `None` for a partial or malformed date.
pub fn human_date(iso: &str) -> Option<String> {
    let (y, m, d) = split_date(iso)?;
    Some(format!("{d} {} {y}", MONTHS[m - 1]))
}

/// «2020-10-04» → «4 Oct».
pub fn short_date(iso: &str) -> Option<String> {
    let (_, m, d) = split_date(iso)?;
    Some(format!("{d} {}", &MONTHS[m - 1][..3]))
}

fn split_date(iso: &str) -> Option<(u32, usize, u32)> {
    let mut it = iso.splitn(3, '-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: usize = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && y > 0).then_some((y, m, d))
}

/// The host of a URL without `www.`: «https://www.aljazeera.net/news/1» → «aljazeera.net».
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let h = rest.split(['/', '?', '#']).next()?;
    let h = h.rsplit('@').next()?.split(':').next()?;
    let h = h.strip_prefix("www.").unwrap_or(h);
    (h.contains('.') && !h.is_empty()).then_some(h)
}

pub struct Labels {
    labels: Vec<String>,
    /// The outlet (or host, or «Source N») alone, to say who reports: «Demo Wire reports …».
    names: Vec<String>,
    /// article id → index, to put labels in place of ids in messages.
    ids: std::collections::HashMap<String, usize>,
    /// Per article: the copy cluster it belongs to (its own index when it is no copy).
    cluster: Vec<usize>,
    /// Per article: the earliest date among its copies (a reprint reports what the first
    /// print reported, on the first print's day).
    first_date: Vec<Option<String>>,
}

impl Labels {
    pub fn new(arts: &[Analyzed], copies: &[Vec<usize>]) -> Labels {
        let names: Vec<String> = arts
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let a = &a.article;
                a.outlet
                    .as_deref()
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_string)
                    .or_else(|| a.url.as_deref().and_then(host).map(str::to_string))
                    .unwrap_or_else(|| format!("Source {}", i + 1))
            })
            .collect();
        let mut labels: Vec<String> = arts
            .iter()
            .zip(&names)
            .map(
                |(a, name)| match a.article.date.as_deref().and_then(short_date) {
                    Some(d) => format!("{name}, {d}"),
                    None => name.clone(),
                },
            )
            .collect();
        // two articles of one outlet on one day: number them
        let mut count: std::collections::HashMap<String, usize> = Default::default();
        for l in &labels {
            *count.entry(l.clone()).or_default() += 1;
        }
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for l in labels.iter_mut() {
            if count[l.as_str()] > 1 {
                let k = seen.entry(l.clone()).or_default();
                *k += 1;
                *l = format!("{l} ({k})");
            }
        }
        let mut cluster: Vec<usize> = (0..arts.len()).collect();
        let mut first_date: Vec<Option<String>> =
            arts.iter().map(|a| a.article.date.clone()).collect();
        for c in copies {
            let Some(&head) = c.iter().min() else {
                continue;
            };
            let first = c.iter().filter_map(|&i| arts[i].article.date.clone()).min();
            for &i in c {
                cluster[i] = head;
                if first.is_some() {
                    first_date[i] = first.clone();
                }
            }
        }
        Labels {
            labels,
            names,
            ids: arts
                .iter()
                .enumerate()
                .map(|(i, a)| (a.article.id.clone(), i))
                .collect(),
            cluster,
            first_date,
        }
    }

    pub fn of(&self, ai: usize) -> String {
        self.labels[ai].clone()
    }

    /// Who publishes an article: «Demo Wire».
    pub fn name(&self, ai: usize) -> &str {
        &self.names[ai]
    }

    /// A message that names articles by id («03-same-day spells Baku 2 ways»), with each id
    /// replaced by its label. Ids are looked up word by word: linear in the message.
    pub fn relabel(&self, msg: &str) -> String {
        let mut out = String::with_capacity(msg.len());
        let mut rest = msg;
        while !rest.is_empty() {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
                .unwrap_or(rest.len());
            let (word, tail) = rest.split_at(end);
            // a word that ends a sentence keeps its full stop outside the id
            let bare = word.trim_end_matches('.');
            match self.ids.get(bare) {
                Some(&i) if !bare.is_empty() => {
                    out.push_str(&self.labels[i]);
                    out.push_str(&word[bare.len()..]);
                }
                _ => out.push_str(word),
            }
            let c = tail.chars().next().map_or(0, char::len_utf8);
            out.push_str(&tail[..c]);
            rest = &tail[c..];
        }
        out
    }

    /// How many independent reports among these articles.
    pub fn independent(&self, articles: impl IntoIterator<Item = usize>) -> usize {
        let mut r: Vec<usize> = articles.into_iter().map(|a| self.cluster[a]).collect();
        r.sort_unstable();
        r.dedup();
        r.len()
    }

    /// The date of the first print of an article's story.
    pub fn first_date(&self, ai: usize) -> Option<&str> {
        self.first_date[ai].as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_hosts() {
        assert_eq!(human_date("2020-10-04").as_deref(), Some("4 October 2020"));
        assert_eq!(short_date("2020-10-21").as_deref(), Some("21 Oct"));
        assert_eq!(human_date("--10-04"), None);
        assert_eq!(human_date("2020-13-01"), None);
        assert_eq!(
            host("https://www.aljazeera.net/news/2020/10/21/x"),
            Some("aljazeera.net")
        );
        assert_eq!(host("http://user@example.org:8080/a"), Some("example.org"));
        assert_eq!(host("not a url"), None);
    }
}
