#[repr(i16)]
enum Event<'a> {
    Key(Code) = BASE,
    Text { s: &'a str },
    Other = -1i8 as i16,
}
