//! [`Ctxt`]: collects every error of one expansion, each at its own span, so that the user sees
//! all mistakes at once.
//!
//! As in serde_derive, a `Ctxt` must end in [`Ctxt::check`]: one dropped with errors unread
//! would lose them, so that panics (in the macro's own tests; a user never sees it, since every
//! path of the derive checks its context).

use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far.
pub struct Ctxt {
    /// `None` once [`Ctxt::check`] has taken them.
    errors: Option<Vec<syn::Error>>,
}

impl Default for Ctxt {
    fn default() -> Self {
        Ctxt {
            errors: Some(Vec::new()),
        }
    }
}

impl Ctxt {
    fn push(&mut self, e: syn::Error) {
        self.errors
            .as_mut()
            .expect("a Ctxt is not used after check")
            .push(e);
    }

    /// An error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, msg: M) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), msg));
    }

    /// An error at `span`.
    pub fn error_at<M: Display>(&mut self, span: proc_macro2::Span, msg: M) {
        self.push(syn::Error::new(span, msg));
    }

    /// A `syn` error as is.
    pub fn syn_error(&mut self, e: syn::Error) {
        self.push(e);
    }

    /// Whether an error was found: checks that follow from a complete input (e.g. "`targets`
    /// without a policy") stay quiet after a misspelt key, which would only add a misleading
    /// second error.
    pub fn has_errors(&self) -> bool {
        self.errors.as_ref().is_some_and(|e| !e.is_empty())
    }

    /// All errors combined into one, if any.
    pub fn check(mut self) -> Result<(), syn::Error> {
        let mut errors = self.errors.take().into_iter().flatten();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            first.combine(e);
        }
        Err(first)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if self.errors.is_some() && !std::thread::panicking() {
            panic!("a Ctxt was dropped without check()");
        }
    }
}
