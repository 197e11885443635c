//! A unified diff of two texts, line by line (Myers' O(ND) algorithm), for `--diff`. Written
//! here because it is small and the edits it shows are small (a few moved fields per struct).

/// One line-level edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Keep,
    Delete,
    Insert,
}

/// The shortest edit script turning `a` into `b`, as a sequence of operations.
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'outer: for d in 0..=max as isize {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                break 'outer;
            }
            k += 2;
        }
    }
    // Walk back through the saved frontiers.
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..trace.len() as isize).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let idx = |k: isize| (k + offset) as usize;
        let prev_k = if k == -d || (k != d && v[idx(k - 1)] < v[idx(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = if d == 0 { 0 } else { v[idx(prev_k)] };
        let prev_y = prev_x - prev_k;
        while x > prev_x.max(0) && y > prev_y.max(0) {
            ops.push(Op::Keep);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                ops.push(Op::Insert);
                y -= 1;
            } else {
                ops.push(Op::Delete);
                x -= 1;
            }
        }
    }
    while x > 0 && y > 0 {
        ops.push(Op::Keep);
        x -= 1;
        y -= 1;
    }
    ops.reverse();
    ops
}

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, `@@` hunks with 3 lines of context) from `old`
/// to `new`, or an empty string when they are equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = edit_script(&a, &b);
    const CONTEXT: usize = 3;

    // Positions (in a and b) before each op.
    let mut pos = Vec::with_capacity(ops.len() + 1);
    let (mut i, mut j) = (0, 0);
    for op in &ops {
        pos.push((i, j));
        match op {
            Op::Keep => {
                i += 1;
                j += 1;
            }
            Op::Delete => i += 1,
            Op::Insert => j += 1,
        }
    }
    pos.push((i, j));

    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k] != Op::Keep).collect();
    let mut h = 0;
    while h < changed.len() {
        // Grow the hunk while the next change is within 2 * CONTEXT kept lines.
        let first = changed[h];
        let mut last = first;
        while h + 1 < changed.len() && changed[h + 1] - last <= 2 * CONTEXT + 1 {
            h += 1;
            last = changed[h];
        }
        h += 1;
        let start = first.saturating_sub(CONTEXT);
        let end = (last + 1 + CONTEXT).min(ops.len());
        let (a0, b0) = pos[start];
        let (a1, b1) = pos[end];
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(a0, a1 - a0),
            range(b0, b1 - b0)
        ));
        for k in start..end {
            let (ai, bj) = pos[k];
            let (mark, line) = match ops[k] {
                Op::Keep => (' ', a[ai]),
                Op::Delete => ('-', a[ai]),
                Op::Insert => ('+', b[bj]),
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// `start,len` in unified-diff form (1-based start; `start` is the line before for an empty
/// range).
fn range(start: usize, len: usize) -> String {
    match len {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{len}", start + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a unified diff produced by [`unified`] to `old`.
    fn apply(old: &str, diff: &str) -> String {
        let a: Vec<&str> = old.split_inclusive('\n').collect();
        let mut out = String::new();
        let mut next = 0;
        let mut lines = diff.lines().skip(2).peekable();
        while let Some(h) = lines.next() {
            let spec = h.strip_prefix("@@ -").unwrap();
            let old_start: usize = spec.split([',', ' ']).next().unwrap().parse().unwrap();
            let old_len: usize = if spec.split(' ').next().unwrap().contains(',') {
                spec.split(' ')
                    .next()
                    .unwrap()
                    .split(',')
                    .nth(1)
                    .unwrap()
                    .parse()
                    .unwrap()
            } else {
                1
            };
            let from = if old_len == 0 {
                old_start
            } else {
                old_start - 1
            };
            for l in &a[next..from] {
                out.push_str(l);
            }
            next = from;
            while let Some(l) = lines.peek() {
                if l.starts_with("@@") {
                    break;
                }
                let l = lines.next().unwrap();
                if l.starts_with('\\') {
                    out.pop();
                    continue;
                }
                match &l[..1] {
                    " " => {
                        out.push_str(&l[1..]);
                        out.push('\n');
                        next += 1;
                    }
                    "-" => next += 1,
                    _ => {
                        out.push_str(&l[1..]);
                        out.push('\n');
                    }
                }
            }
        }
        for l in &a[next..] {
            out.push_str(l);
        }
        out
    }

    #[test]
    fn diff_applies_back() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
        for new in [
            "a\nc\nb\nd\ne\nf\ng\nh\ni\nj\nk\nm\nl\n",
            "x\na\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
            "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nz\n",
            "",
            "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm",
        ] {
            let d = unified("f.rs", old, new);
            assert_eq!(apply(old, &d), new, "{d}");
        }
        assert_eq!(unified("f.rs", old, old), "");
    }

    #[test]
    fn hunk_header_and_context() {
        let d = unified("src/lib.rs", "1\n2\n3\n4\n5\n", "1\n2\n4\n3\n5\n");
        assert_eq!(
            d,
            "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n 4\n+3\n 5\n"
        );
    }
}
