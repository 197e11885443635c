//! [`Msg`]: a message assembled in a fixed buffer by `const fn`s, so that a check failing
//! during constant evaluation can `panic!("{}", msg.as_str())` with computed numbers and names.

/// A UTF-8 message of at most `N` bytes; what does not fit is cut at a character boundary and
/// marked with `...`.
pub struct Msg<const N: usize> {
    buf: [u8; N],
    len: usize,
    truncated: bool,
}

impl<const N: usize> Default for Msg<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Msg<N> {
    /// An empty message.
    pub const fn new() -> Self {
        Msg {
            buf: [0; N],
            len: 0,
            truncated: false,
        }
    }

    /// Appends `s`.
    pub const fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let reserve = 3; // room for the "..." of a truncated message
        let mut i = 0;
        while i < bytes.len() {
            if self.truncated {
                return;
            }
            // The length of the UTF-8 sequence that starts at `i`.
            let b = bytes[i];
            let w = if b < 0x80 {
                1
            } else if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            if self.len + w + reserve > N {
                self.truncated = true;
                let mut k = 0;
                while k < 3 && self.len < N {
                    self.buf[self.len] = b'.';
                    self.len += 1;
                    k += 1;
                }
                return;
            }
            let mut k = 0;
            while k < w && i + k < bytes.len() {
                self.buf[self.len] = bytes[i + k];
                self.len += 1;
                k += 1;
            }
            i += w;
        }
    }

    /// Appends `n` in decimal.
    pub const fn u64(&mut self, n: u64) {
        let mut buf = [0u8; 20];
        self.str(decimal(n, &mut buf));
    }

    /// Appends `n` followed by `one` or `many` (`1 byte`, `2 bytes`).
    pub const fn count(&mut self, n: u64, one: &str, many: &str) {
        self.u64(n);
        self.str(" ");
        self.str(if n == 1 { one } else { many });
    }

    /// The message so far.
    pub const fn as_str(&self) -> &str {
        let (head, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(head) {
            Ok(s) => s,
            Err(_) => "",
        }
    }

    /// Whether the message was cut.
    pub const fn truncated(&self) -> bool {
        self.truncated
    }
}

/// `n` in decimal, written at the end of `buf` (20 digits hold every `u64`): usable in constant
/// evaluation, and cheaper than the formatting machinery in the derive's unoptimised build.
pub(crate) const fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let (_, digits) = buf.split_at(i);
    match core::str::from_utf8(digits) {
        Ok(s) => s,
        // Only ASCII digits were written.
        Err(_) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_truncation_at_char_boundaries() {
        let mut m = Msg::<64>::new();
        m.str("size ");
        m.u64(0);
        m.str(", ");
        m.u64(u64::MAX);
        assert_eq!(m.as_str(), "size 0, 18446744073709551615");
        let mut m = Msg::<8>::new();
        m.str("ééééé");
        assert_eq!(m.as_str(), "éé...");
        assert!(m.truncated());
    }
}
