// GENERATED from layout_tests::enum_corpus by derive_enum_corpus.rs. Do not edit.
pub trait Tr {}
#[allow(unused_imports)]
use ::core::ffi::{c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, c_ulong, c_longlong, c_ulonglong, c_float, c_double};
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CMin { A }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CTwo { A, B }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum C200 { A = 200 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum C300 { A = 300 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CNeg { A = -1, B }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CNeg129 { A = -129 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CU32 { A = 4294967295 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CWide { A = -1, B = 4294967295 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum C2p32 { A = 4294967296, B }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CMax16 { A = 32767, B }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum C300Variants { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V30, V31, V32, V33, V34, V35, V36, V37, V38, V39, V40, V41, V42, V43, V44, V45, V46, V47, V48, V49, V50, V51, V52, V53, V54, V55, V56, V57, V58, V59, V60, V61, V62, V63, V64, V65, V66, V67, V68, V69, V70, V71, V72, V73, V74, V75, V76, V77, V78, V79, V80, V81, V82, V83, V84, V85, V86, V87, V88, V89, V90, V91, V92, V93, V94, V95, V96, V97, V98, V99, V100, V101, V102, V103, V104, V105, V106, V107, V108, V109, V110, V111, V112, V113, V114, V115, V116, V117, V118, V119, V120, V121, V122, V123, V124, V125, V126, V127, V128, V129, V130, V131, V132, V133, V134, V135, V136, V137, V138, V139, V140, V141, V142, V143, V144, V145, V146, V147, V148, V149, V150, V151, V152, V153, V154, V155, V156, V157, V158, V159, V160, V161, V162, V163, V164, V165, V166, V167, V168, V169, V170, V171, V172, V173, V174, V175, V176, V177, V178, V179, V180, V181, V182, V183, V184, V185, V186, V187, V188, V189, V190, V191, V192, V193, V194, V195, V196, V197, V198, V199, V200, V201, V202, V203, V204, V205, V206, V207, V208, V209, V210, V211, V212, V213, V214, V215, V216, V217, V218, V219, V220, V221, V222, V223, V224, V225, V226, V227, V228, V229, V230, V231, V232, V233, V234, V235, V236, V237, V238, V239, V240, V241, V242, V243, V244, V245, V246, V247, V248, V249, V250, V251, V252, V253, V254, V255, V256, V257, V258, V259, V260, V261, V262, V263, V264, V265, V266, V267, V268, V269, V270, V271, V272, V273, V274, V275, V276, V277, V278, V279, V280, V281, V282, V283, V284, V285, V286, V287, V288, V289, V290, V291, V292, V293, V294, V295, V296, V297, V298, V299 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum C300Data { V0, V1(u8), V2, V3(u8), V4, V5(u8), V6, V7(u8), V8, V9(u8), V10, V11(u8), V12, V13(u8), V14, V15(u8), V16, V17(u8), V18, V19(u8), V20, V21(u8), V22, V23(u8), V24, V25(u8), V26, V27(u8), V28, V29(u8), V30, V31(u8), V32, V33(u8), V34, V35(u8), V36, V37(u8), V38, V39(u8), V40, V41(u8), V42, V43(u8), V44, V45(u8), V46, V47(u8), V48, V49(u8), V50, V51(u8), V52, V53(u8), V54, V55(u8), V56, V57(u8), V58, V59(u8), V60, V61(u8), V62, V63(u8), V64, V65(u8), V66, V67(u8), V68, V69(u8), V70, V71(u8), V72, V73(u8), V74, V75(u8), V76, V77(u8), V78, V79(u8), V80, V81(u8), V82, V83(u8), V84, V85(u8), V86, V87(u8), V88, V89(u8), V90, V91(u8), V92, V93(u8), V94, V95(u8), V96, V97(u8), V98, V99(u8), V100, V101(u8), V102, V103(u8), V104, V105(u8), V106, V107(u8), V108, V109(u8), V110, V111(u8), V112, V113(u8), V114, V115(u8), V116, V117(u8), V118, V119(u8), V120, V121(u8), V122, V123(u8), V124, V125(u8), V126, V127(u8), V128, V129(u8), V130, V131(u8), V132, V133(u8), V134, V135(u8), V136, V137(u8), V138, V139(u8), V140, V141(u8), V142, V143(u8), V144, V145(u8), V146, V147(u8), V148, V149(u8), V150, V151(u8), V152, V153(u8), V154, V155(u8), V156, V157(u8), V158, V159(u8), V160, V161(u8), V162, V163(u8), V164, V165(u8), V166, V167(u8), V168, V169(u8), V170, V171(u8), V172, V173(u8), V174, V175(u8), V176, V177(u8), V178, V179(u8), V180, V181(u8), V182, V183(u8), V184, V185(u8), V186, V187(u8), V188, V189(u8), V190, V191(u8), V192, V193(u8), V194, V195(u8), V196, V197(u8), V198, V199(u8), V200, V201(u8), V202, V203(u8), V204, V205(u8), V206, V207(u8), V208, V209(u8), V210, V211(u8), V212, V213(u8), V214, V215(u8), V216, V217(u8), V218, V219(u8), V220, V221(u8), V222, V223(u8), V224, V225(u8), V226, V227(u8), V228, V229(u8), V230, V231(u8), V232, V233(u8), V234, V235(u8), V236, V237(u8), V238, V239(u8), V240, V241(u8), V242, V243(u8), V244, V245(u8), V246, V247(u8), V248, V249(u8), V250, V251(u8), V252, V253(u8), V254, V255(u8), V256, V257(u8), V258, V259(u8), V260, V261(u8), V262, V263(u8), V264, V265(u8), V266, V267(u8), V268, V269(u8), V270, V271(u8), V272, V273(u8), V274, V275(u8), V276, V277(u8), V278, V279(u8), V280, V281(u8), V282, V283(u8), V284, V285(u8), V286, V287(u8), V288, V289(u8), V290, V291(u8), V292, V293(u8), V294, V295(u8), V296, V297(u8), V298, V299(u8) }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum IntData { A(u32, u8), B { x: u16 }, C }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CData { A(u32, u8), B { x: u16 }, C }
#[derive(::layout_core::Layout)] #[repr(C, u8)] #[derive(Clone, Copy)] pub enum CIntData { A(u32, u8), B { x: u16 }, C }
#[derive(::layout_core::Layout)] #[repr(C, align(16))] #[derive(Clone, Copy)] pub enum CAlign16 { A, B }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum I64Neg { A = -5, B }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum COne { A(u8) }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum U16One { A }
#[derive(::layout_core::Layout)] #[repr(C, i64)] #[derive(Clone, Copy)] pub enum CI64Data { A(u8) = 7, B(u64) = 4294967296 }
#[derive(::layout_core::Layout)] #[repr(u8, align(8))] #[derive(Clone, Copy)] pub enum U8Align8 { A(u16), B }
#[derive(::layout_core::Layout)] #[repr(C, align(2))] #[derive(Clone, Copy)] pub enum CAlign2Data { A(u16, u8), B(u64) }
#[derive(::layout_core::Layout)] #[repr(C, u8)] #[derive(Clone, Copy)] pub enum CU8Zst { A(()), B([u32; 0]), C }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum U8Zst { A(()), B([u32; 0]), C }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CZst { A(()), B([u32; 0]), C }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum U8OneZst { A(()) }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum U128Tag { A(u8), B = 9 }
#[derive(::layout_core::Layout)] #[repr(C, i128)] #[derive(Clone, Copy)] pub enum I128Tag { A(u8), B = 9 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum UsizeTag { A(u8), B = 9 }
#[derive(::layout_core::Layout)] #[repr(C, isize)] #[derive(Clone, Copy)] pub enum IsizeTag { A(u8), B = 9 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum U8F64 { A(f64), B(u8, f64), C }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum CF64 { A(f64), B(u8, f64), C }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E000 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i128, align(2))] #[derive(Clone, Copy)] pub enum E001 { V0, V1(*const [u16], u16), V2 { f0: c_ushort }, V3(i8), V4 }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E002 { V0 { f0: CAlign2Data, f1: c_schar } }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E003 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E004 { V0 = -129, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E006 { V0 = -170141183460469231731687303715884105728 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E010 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E011 { V0(i128, c_int) }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E012 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E015 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E016 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i32, align(8))] #[derive(Clone, Copy)] pub enum E018 { V0 = 0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E020 { V0 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E021 { V0, V1 = 128, V2 = 145, V3 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E023 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E024 { V0, V1, V2 = 7, V3, V4 = 128 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E026 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E027 { V0 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E028 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E030 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(isize, align(4))] #[derive(Clone, Copy)] pub enum E032 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E033 { V0, V1 { f0: c_ulonglong, f1: CI64Data, f2: isize }, V2(c_schar, E021, c_short), V3 { f0: char }, V4(CNeg), V5([c_uint; 1]) }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E034 { V0, V1, V2 { f0: i64 } }
#[derive(::layout_core::Layout)] #[repr(C, u128)] #[derive(Clone, Copy)] pub enum E035 { V0((), i32), V1(u8, (), u64), V2, V3 { f0: *const [u16], f1: IntData, f2: i64 }, V4, V5(CTwo, c_ulong) }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E036 { V0([fn(u8) -> u32; 0], U8OneZst, c_short), V1 { f0: c_short }, V2 { f0: [c_long; 2], f1: [i32; 7], f2: u128 }, V3(c_ushort, c_float, i8) }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E038 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E039 { V0 = 100, V1(*const u8) = 65536, V2(E000, c_schar) }
#[derive(::layout_core::Layout)] #[repr(C, u64, align(2))] #[derive(Clone, Copy)] pub enum E041 { V0(c_long, [IntData; 0]) = 65536, V1 { f0: [E010; 33] } = 100, V2, V3, V4 = 9223372036854775807, V5(*mut dyn Tr) = 18446744073709551615 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E042 { V0 = 2, V1, V2 = -77, V3 = 74 }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E043 { V0 { f0: E030 }, V1 { f0: E027, f1: u8 }, V2 }
#[derive(::layout_core::Layout)] #[repr(C, align(16))] #[derive(Clone, Copy)] pub enum E045 { V0 { f0: bool, f1: c_longlong, f2: E042 }, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E046 { V0 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E048 { V0 = 0, V1 }
#[derive(::layout_core::Layout)] #[repr(i128, align(64))] #[derive(Clone, Copy)] pub enum E049 { V0 = 113, V1 = -9223372036854775808 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E052 { V0 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E054 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C, u32)] #[derive(Clone, Copy)] pub enum E055 { V0(IsizeTag, [isize; 3]), V1, V2 = 64, V3 = 65535, V4([c_long; 16]), V5 { f0: char } }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E057 { V0 }
#[derive(::layout_core::Layout)] #[repr(i128, align(2))] #[derive(Clone, Copy)] pub enum E058 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E059 { V0 = -51 }
#[derive(::layout_core::Layout)] #[repr(usize, align(64))] #[derive(Clone, Copy)] pub enum E061 { V0 = 824, V1 = 256, V2 = 244, V3, V4, V5 = 9223372036854775807 }
#[derive(::layout_core::Layout)] #[repr(u64, align(2))] #[derive(Clone, Copy)] pub enum E063 { V0, V1 { f0: i16, f1: u32, f2: [c_uint; 3] } }
#[derive(::layout_core::Layout)] #[repr(C, i8, align(8))] #[derive(Clone, Copy)] pub enum E064 { V0 { f0: char, f1: c_uint, f2: usize } }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E065 { V0, V1 = 354, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E066 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C, isize)] #[derive(Clone, Copy)] pub enum E067 { V0([u16; 0], *mut dyn Tr) = 757, V1(*const [u16], [i64; 7], E034), V2 = -129, V3 = -128 }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E068 { V0 = 2147483648 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E069 { V0, V1 = 4294967296 }
#[derive(::layout_core::Layout)] #[repr(C, i64)] #[derive(Clone, Copy)] pub enum E070 { V0(U16One, u16, U8Align8), V1, V2, V3 { f0: U8Align8 }, V4 { f0: bool } }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E071 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E072 { V0, V1(E061, (), ()), V2 { f0: c_short, f1: [i32; 1], f2: U8F64 }, V3, V4 { f0: f64 } }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E073 { V0, V1, V2 = 65536, V3, V4, V5 = 128 }
#[derive(::layout_core::Layout)] #[repr(i64, align(32))] #[derive(Clone, Copy)] pub enum E074 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E075 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(C, align(16))] #[derive(Clone, Copy)] pub enum E076 { V0 { f0: c_ulonglong, f1: *const str }, V1, V2 { f0: i32, f1: E058, f2: () }, V3 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E077 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E078 { V0(isize, c_uchar) = 97, V1 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E079 { V0 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E083 { V0(E077, i32), V1 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E084 { V0, V1((), [c_uchar; 0], i8), V2 { f0: c_ulong, f1: [E065; 2], f2: [bool; 7] } }
#[derive(::layout_core::Layout)] #[repr(C, i64)] #[derive(Clone, Copy)] pub enum E085 { V0 { f0: c_int, f1: *mut dyn Tr }, V1 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E086 { V0 { f0: *const [u16], f1: CIntData, f2: char }, V1 { f0: i8 }, V2 }
#[derive(::layout_core::Layout)] #[repr(isize, align(32))] #[derive(Clone, Copy)] pub enum E088 { V0 = 29, V1, V2 = 216, V3 = 2147483648, V4 = 424, V5 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E089 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C, align(2))] #[derive(Clone, Copy)] pub enum E090 { V0 { f0: i8, f1: *const u8 } }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E091 { V0 = 1 }
#[derive(::layout_core::Layout)] #[repr(C, align(2))] #[derive(Clone, Copy)] pub enum E093 { V0 = 32768 }
#[derive(::layout_core::Layout)] #[repr(C, align(4))] #[derive(Clone, Copy)] pub enum E094 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E096 { V0, V1 = 756, V2 = 4294967296, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i128, align(1))] #[derive(Clone, Copy)] pub enum E097 { V0 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E098 { V0 = 2, V1 = 7 }
#[derive(::layout_core::Layout)] #[repr(C, i64)] #[derive(Clone, Copy)] pub enum E099 { V0(E034, i32), V1([c_int; 7]), V2 { f0: i32, f1: (), f2: IntData }, V3 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E101 { V0 { f0: E043, f1: [E059; 5] }, V1 { f0: E079 } = 437, V2 { f0: (), f1: f32 }, V3(c_longlong) = 189 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E102 { V0(c_double, c_ulong, *const [u16]), V1(i32), V2 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E103 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E104 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E106 { V0 = -128 }
#[derive(::layout_core::Layout)] #[repr(C, i32)] #[derive(Clone, Copy)] pub enum E107 { V0 { f0: () } = -2147483648, V1(u128, c_float) }
#[derive(::layout_core::Layout)] #[repr(u64, align(8))] #[derive(Clone, Copy)] pub enum E110 { V0 }
#[derive(::layout_core::Layout)] #[repr(C, align(16))] #[derive(Clone, Copy)] pub enum E111 { V0 { f0: E057, f1: (), f2: u64 }, V1(c_uint, i64, ()) }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E112 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E113 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E114 { V0(fn(u8) -> u32, c_uint, I128Tag), V1(C200, [f64; 16]), V2 { f0: u8, f1: [(); 1] }, V3 { f0: usize, f1: f32 }, V4(E015) }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E116 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E117 { V0(f64) = -1, V1 { f0: char, f1: fn(u8) -> u32, f2: u128 }, V2 = 127, V3(i128, E034, c_int) }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E118 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E119 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E120 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C, u64, align(4))] #[derive(Clone, Copy)] pub enum E121 { V0, V1(U8Align8) }
#[derive(::layout_core::Layout)] #[repr(C, align(8))] #[derive(Clone, Copy)] pub enum E122 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E124 { V0 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E125 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E126 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E128 { V0, V1 { f0: c_int, f1: E106 } }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E130 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i8, align(32))] #[derive(Clone, Copy)] pub enum E132 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E133 { V0 = 177, V1(()) = 32767, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E136 { V0, V1 = 32767, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(isize, align(1))] #[derive(Clone, Copy)] pub enum E137 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E138 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E139 { V0, V1(i64, f32, bool) }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E140 { V0(f32, usize) = 100 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E141 { V0, V1 = 721, V2 = 9223372036854775807, V3 = 65536, V4 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E144 { V0(CNeg129, c_double, ()) = 2 }
#[derive(::layout_core::Layout)] #[repr(u64, align(1))] #[derive(Clone, Copy)] pub enum E147 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E148 { V0(E065), V1(c_int), V2 { f0: u128, f1: u64, f2: isize } }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E149 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C, i8)] #[derive(Clone, Copy)] pub enum E152 { V0(u128, ()), V1(u8), V2 { f0: () } }
#[derive(::layout_core::Layout)] #[repr(C, i16)] #[derive(Clone, Copy)] pub enum E153 { V0 { f0: f64 } }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E154 { V0, V1 = 645, V2, V3 = 42, V4 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E155 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i32, align(16))] #[derive(Clone, Copy)] pub enum E156 { V0, V1, V2, V3, V4 { f0: c_double }, V5 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E157 { V0, V1(c_ulong, c_ushort, *const str), V2 { f0: [E055; 33], f1: [u64; 16], f2: usize }, V3 { f0: *const [u16], f1: (), f2: E048 }, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E159 { V0 = -2147483648, V1 = -128, V2, V3 = -32769 }
#[derive(::layout_core::Layout)] #[repr(C, i64)] #[derive(Clone, Copy)] pub enum E161 { V0([f64; 2]), V1 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E164 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i64, align(64))] #[derive(Clone, Copy)] pub enum E167 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E171 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E172 { V0, V1, V2, V3 = 256, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E173 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E174 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E175 { V0 }
#[derive(::layout_core::Layout)] #[repr(C, i16)] #[derive(Clone, Copy)] pub enum E177 { V0(c_uchar), V1, V2(CMin, E171, f32) }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E178 { V0 { f0: E111, f1: i32, f2: E154 } }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E180 { V0 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E181 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E182 { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E183 { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20 }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E184 { V0 = 4294967296, V1 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E185 { V0, V1 = 4294967296, V2 = -128 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E186 { V0, V1, V2 = -32769, V3 = 280 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E187 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E189 { V0 { f0: bool, f1: i8, f2: CAlign2Data }, V1 = 255, V2(()) = 1, V3(*mut dyn Tr, *const str, [c_long; 5]) = 409 }
#[derive(::layout_core::Layout)] #[repr(C, u16)] #[derive(Clone, Copy)] pub enum E193 { V0(c_uchar, c_longlong, f32), V1 }
#[derive(::layout_core::Layout)] #[repr(C, align(8))] #[derive(Clone, Copy)] pub enum E194 { V0, V1((), [i64; 1]), V2(E020), V3(c_int, [u128; 3], c_short) }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E195 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E199 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E200 { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V30, V31, V32, V33 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E201 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i128, align(32))] #[derive(Clone, Copy)] pub enum E202 { V0 = 65535 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E203 { V0 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E204 { V0(c_double), V1(E122, *const [u16]) }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E205 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E206 { V0(E000, c_ulong) }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E207 { V0 = 861 }
#[derive(::layout_core::Layout)] #[repr(i32, align(4))] #[derive(Clone, Copy)] pub enum E208 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E209 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E210 { V0 = -128, V1 = 2147483648, V2, V3 = -1, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E211 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E212 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C, align(16))] #[derive(Clone, Copy)] pub enum E213 { V0 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E216 { V0 = 18446744073709551615, V1 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E217 { V0 = -2147483648, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E218 { V0 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E220 { V0 = 256, V1 = 2, V2, V3, V4 = 2147483647, V5 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E221 { V0, V1, V2, V3, V4 = 255 }
#[derive(::layout_core::Layout)] #[repr(C, usize)] #[derive(Clone, Copy)] pub enum E222 { V0, V1(u128, (), c_ulonglong), V2(c_uchar, bool), V3 { f0: u128, f1: c_short }, V4, V5([E110; 16], bool, isize) }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E224 { V0 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E225 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(i8, align(16))] #[derive(Clone, Copy)] pub enum E228 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E230 { V0 { f0: [u128; 3] }, V1(c_uchar, [c_double; 0]) }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E232 { V0 = 32768, V1 = 212, V2 = 65536, V3 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E233 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E237 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(isize, align(8))] #[derive(Clone, Copy)] pub enum E238 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E240 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E241 { V0(*const u8, c_short) }
#[derive(::layout_core::Layout)] #[repr(i128, align(8))] #[derive(Clone, Copy)] pub enum E244 { V0, V1 = -92, V2 = -170141183460469231731687303715884105728, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C, align(2))] #[derive(Clone, Copy)] pub enum E245 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E246 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E247 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u64, align(32))] #[derive(Clone, Copy)] pub enum E248 { V0 = 2, V1 { f0: *mut dyn Tr } }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E249 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u16)] #[derive(Clone, Copy)] pub enum E251 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E252 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E253 { V0, V1, V2 = -32768, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E255 { V0(usize), V1, V2 { f0: [c_short; 7] } }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E256 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C, i16)] #[derive(Clone, Copy)] pub enum E257 { V0(E221), V1 { f0: *const u8 } = -32768, V2 { f0: [E074; 7], f1: u128 } = 373, V3(u64, c_short, E209), V4 { f0: E106, f1: (), f2: E000 }, V5 = 860 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E258 { V0 { f0: isize }, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E259 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E260 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i8, align(64))] #[derive(Clone, Copy)] pub enum E261 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E262 { V0, V1 = 4294967296, V2, V3 = 32768, V4 = 214 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E263 { V0 = 394, V1 = -9223372036854775808, V2, V3 = 2, V4, V5 = 65536 }
#[derive(::layout_core::Layout)] #[repr(u128, align(2))] #[derive(Clone, Copy)] pub enum E264 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E266 { V0(E070), V1 { f0: E125, f1: [f64; 3], f2: E221 }, V2 { f0: E155, f1: c_int }, V3(u64, c_uint), V4([E036; 5], c_ushort) }
#[derive(::layout_core::Layout)] #[repr(C, align(64))] #[derive(Clone, Copy)] pub enum E267 { V0, V1 = 100, V2 = -128, V3 = 599, V4 = 698, V5 = -32768 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E268 { V0, V1, V2, V3, V4 = 288 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E270 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E273 { V0, V1, V2, V3, V4 }
#[derive(::layout_core::Layout)] #[repr(u32)] #[derive(Clone, Copy)] pub enum E274 { V0 { f0: (), f1: c_ulonglong }, V1(fn(u8) -> u32, *mut dyn Tr, *const [u16]) }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E275 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E276 { V0 = 18446744073709551615, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E277 { V0, V1 = 189, V2 { f0: i8 }, V3 { f0: i16, f1: c_short } }
#[derive(::layout_core::Layout)] #[repr(u16, align(1))] #[derive(Clone, Copy)] pub enum E278 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E279 { V0, V1 { f0: E028 }, V2 }
#[derive(::layout_core::Layout)] #[repr(C, isize)] #[derive(Clone, Copy)] pub enum E281 { V0(char), V1, V2(c_schar) }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E283 { V0, V1, V2 = 77, V3, V4 = 170, V5 = 128 }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E285 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E287 { V0, V1 { f0: E154, f1: () }, V2(c_longlong, E213, *mut dyn Tr) }
#[derive(::layout_core::Layout)] #[repr(u128)] #[derive(Clone, Copy)] pub enum E288 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C, i32)] #[derive(Clone, Copy)] pub enum E290 { V0, V1 { f0: i128 } }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E291 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(u64)] #[derive(Clone, Copy)] pub enum E297 { V0 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E298 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E299 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E300 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(C, i128)] #[derive(Clone, Copy)] pub enum E301 { V0 = 79, V1 { f0: E230 }, V2(E164, c_ushort), V3(E278), V4 = -32768, V5((), E015) }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E302 { V0, V1, V2 = 451, V3 = 65535, V4 }
#[derive(::layout_core::Layout)] #[repr(C, i16, align(32))] #[derive(Clone, Copy)] pub enum E303 { V0(c_float) }
#[derive(::layout_core::Layout)] #[repr(C, align(1))] #[derive(Clone, Copy)] pub enum E304 { V0(bool, char, E097), V1 { f0: c_ulong }, V2(i16, CAlign2Data, u128), V3, V4 }
#[derive(::layout_core::Layout)] #[repr(i16)] #[derive(Clone, Copy)] pub enum E306 { V0 = 326, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(isize)] #[derive(Clone, Copy)] pub enum E307 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(usize, align(1))] #[derive(Clone, Copy)] pub enum E309 { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21, V22, V23, V24, V25 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E310 { V0, V1, V2, V3 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E312 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E313 { V0, V1 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E314 { V0, V1, V2, V3, V4, V5 }
#[derive(::layout_core::Layout)] #[repr(i128)] #[derive(Clone, Copy)] pub enum E316 { V0 { f0: () }, V1, V2, V3(*mut dyn Tr) = 338 }
#[derive(::layout_core::Layout)] #[repr(isize, align(2))] #[derive(Clone, Copy)] pub enum E317 { V0, V1((), CAlign2Data), V2 }
#[derive(::layout_core::Layout)] #[repr(i32)] #[derive(Clone, Copy)] pub enum E318 { V0 = 0, V1, V2, V3, V4 = 219 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E319 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(i8)] #[derive(Clone, Copy)] pub enum E320 { V0, V1, V2 }
#[derive(::layout_core::Layout)] #[repr(u8)] #[derive(Clone, Copy)] pub enum E321 { V0(E256, u32), V1, V2(c_uchar, fn(u8) -> u32, u64) }
#[derive(::layout_core::Layout)] #[repr(i64)] #[derive(Clone, Copy)] pub enum E322 { V0, V1 = 2147483648, V2 = 256 }
#[derive(::layout_core::Layout)] #[repr(C)] #[derive(Clone, Copy)] pub enum E323 { V0(E015), V1, V2, V3 { f0: () }, V4 }
#[derive(::layout_core::Layout)] #[repr(usize, align(32))] #[derive(Clone, Copy)] pub enum E327 { V0 }
#[derive(::layout_core::Layout)] #[repr(usize)] #[derive(Clone, Copy)] pub enum E328 { V0 = 100 }
pub fn defs() -> Vec<::layout_core::EnumDef<'static>> {
    vec![
        <CMin as ::layout_core::LayoutEnum>::DEF,
        <CTwo as ::layout_core::LayoutEnum>::DEF,
        <C200 as ::layout_core::LayoutEnum>::DEF,
        <C300 as ::layout_core::LayoutEnum>::DEF,
        <CNeg as ::layout_core::LayoutEnum>::DEF,
        <CNeg129 as ::layout_core::LayoutEnum>::DEF,
        <CU32 as ::layout_core::LayoutEnum>::DEF,
        <CWide as ::layout_core::LayoutEnum>::DEF,
        <C2p32 as ::layout_core::LayoutEnum>::DEF,
        <CMax16 as ::layout_core::LayoutEnum>::DEF,
        <C300Variants as ::layout_core::LayoutEnum>::DEF,
        <C300Data as ::layout_core::LayoutEnum>::DEF,
        <IntData as ::layout_core::LayoutEnum>::DEF,
        <CData as ::layout_core::LayoutEnum>::DEF,
        <CIntData as ::layout_core::LayoutEnum>::DEF,
        <CAlign16 as ::layout_core::LayoutEnum>::DEF,
        <I64Neg as ::layout_core::LayoutEnum>::DEF,
        <COne as ::layout_core::LayoutEnum>::DEF,
        <U16One as ::layout_core::LayoutEnum>::DEF,
        <CI64Data as ::layout_core::LayoutEnum>::DEF,
        <U8Align8 as ::layout_core::LayoutEnum>::DEF,
        <CAlign2Data as ::layout_core::LayoutEnum>::DEF,
        <CU8Zst as ::layout_core::LayoutEnum>::DEF,
        <U8Zst as ::layout_core::LayoutEnum>::DEF,
        <CZst as ::layout_core::LayoutEnum>::DEF,
        <U8OneZst as ::layout_core::LayoutEnum>::DEF,
        <U128Tag as ::layout_core::LayoutEnum>::DEF,
        <I128Tag as ::layout_core::LayoutEnum>::DEF,
        <UsizeTag as ::layout_core::LayoutEnum>::DEF,
        <IsizeTag as ::layout_core::LayoutEnum>::DEF,
        <U8F64 as ::layout_core::LayoutEnum>::DEF,
        <CF64 as ::layout_core::LayoutEnum>::DEF,
        <E000 as ::layout_core::LayoutEnum>::DEF,
        <E001 as ::layout_core::LayoutEnum>::DEF,
        <E002 as ::layout_core::LayoutEnum>::DEF,
        <E003 as ::layout_core::LayoutEnum>::DEF,
        <E004 as ::layout_core::LayoutEnum>::DEF,
        <E006 as ::layout_core::LayoutEnum>::DEF,
        <E010 as ::layout_core::LayoutEnum>::DEF,
        <E011 as ::layout_core::LayoutEnum>::DEF,
        <E012 as ::layout_core::LayoutEnum>::DEF,
        <E015 as ::layout_core::LayoutEnum>::DEF,
        <E016 as ::layout_core::LayoutEnum>::DEF,
        <E018 as ::layout_core::LayoutEnum>::DEF,
        <E020 as ::layout_core::LayoutEnum>::DEF,
        <E021 as ::layout_core::LayoutEnum>::DEF,
        <E023 as ::layout_core::LayoutEnum>::DEF,
        <E024 as ::layout_core::LayoutEnum>::DEF,
        <E026 as ::layout_core::LayoutEnum>::DEF,
        <E027 as ::layout_core::LayoutEnum>::DEF,
        <E028 as ::layout_core::LayoutEnum>::DEF,
        <E030 as ::layout_core::LayoutEnum>::DEF,
        <E032 as ::layout_core::LayoutEnum>::DEF,
        <E033 as ::layout_core::LayoutEnum>::DEF,
        <E034 as ::layout_core::LayoutEnum>::DEF,
        <E035 as ::layout_core::LayoutEnum>::DEF,
        <E036 as ::layout_core::LayoutEnum>::DEF,
        <E038 as ::layout_core::LayoutEnum>::DEF,
        <E039 as ::layout_core::LayoutEnum>::DEF,
        <E041 as ::layout_core::LayoutEnum>::DEF,
        <E042 as ::layout_core::LayoutEnum>::DEF,
        <E043 as ::layout_core::LayoutEnum>::DEF,
        <E045 as ::layout_core::LayoutEnum>::DEF,
        <E046 as ::layout_core::LayoutEnum>::DEF,
        <E048 as ::layout_core::LayoutEnum>::DEF,
        <E049 as ::layout_core::LayoutEnum>::DEF,
        <E052 as ::layout_core::LayoutEnum>::DEF,
        <E054 as ::layout_core::LayoutEnum>::DEF,
        <E055 as ::layout_core::LayoutEnum>::DEF,
        <E057 as ::layout_core::LayoutEnum>::DEF,
        <E058 as ::layout_core::LayoutEnum>::DEF,
        <E059 as ::layout_core::LayoutEnum>::DEF,
        <E061 as ::layout_core::LayoutEnum>::DEF,
        <E063 as ::layout_core::LayoutEnum>::DEF,
        <E064 as ::layout_core::LayoutEnum>::DEF,
        <E065 as ::layout_core::LayoutEnum>::DEF,
        <E066 as ::layout_core::LayoutEnum>::DEF,
        <E067 as ::layout_core::LayoutEnum>::DEF,
        <E068 as ::layout_core::LayoutEnum>::DEF,
        <E069 as ::layout_core::LayoutEnum>::DEF,
        <E070 as ::layout_core::LayoutEnum>::DEF,
        <E071 as ::layout_core::LayoutEnum>::DEF,
        <E072 as ::layout_core::LayoutEnum>::DEF,
        <E073 as ::layout_core::LayoutEnum>::DEF,
        <E074 as ::layout_core::LayoutEnum>::DEF,
        <E075 as ::layout_core::LayoutEnum>::DEF,
        <E076 as ::layout_core::LayoutEnum>::DEF,
        <E077 as ::layout_core::LayoutEnum>::DEF,
        <E078 as ::layout_core::LayoutEnum>::DEF,
        <E079 as ::layout_core::LayoutEnum>::DEF,
        <E083 as ::layout_core::LayoutEnum>::DEF,
        <E084 as ::layout_core::LayoutEnum>::DEF,
        <E085 as ::layout_core::LayoutEnum>::DEF,
        <E086 as ::layout_core::LayoutEnum>::DEF,
        <E088 as ::layout_core::LayoutEnum>::DEF,
        <E089 as ::layout_core::LayoutEnum>::DEF,
        <E090 as ::layout_core::LayoutEnum>::DEF,
        <E091 as ::layout_core::LayoutEnum>::DEF,
        <E093 as ::layout_core::LayoutEnum>::DEF,
        <E094 as ::layout_core::LayoutEnum>::DEF,
        <E096 as ::layout_core::LayoutEnum>::DEF,
        <E097 as ::layout_core::LayoutEnum>::DEF,
        <E098 as ::layout_core::LayoutEnum>::DEF,
        <E099 as ::layout_core::LayoutEnum>::DEF,
        <E101 as ::layout_core::LayoutEnum>::DEF,
        <E102 as ::layout_core::LayoutEnum>::DEF,
        <E103 as ::layout_core::LayoutEnum>::DEF,
        <E104 as ::layout_core::LayoutEnum>::DEF,
        <E106 as ::layout_core::LayoutEnum>::DEF,
        <E107 as ::layout_core::LayoutEnum>::DEF,
        <E110 as ::layout_core::LayoutEnum>::DEF,
        <E111 as ::layout_core::LayoutEnum>::DEF,
        <E112 as ::layout_core::LayoutEnum>::DEF,
        <E113 as ::layout_core::LayoutEnum>::DEF,
        <E114 as ::layout_core::LayoutEnum>::DEF,
        <E116 as ::layout_core::LayoutEnum>::DEF,
        <E117 as ::layout_core::LayoutEnum>::DEF,
        <E118 as ::layout_core::LayoutEnum>::DEF,
        <E119 as ::layout_core::LayoutEnum>::DEF,
        <E120 as ::layout_core::LayoutEnum>::DEF,
        <E121 as ::layout_core::LayoutEnum>::DEF,
        <E122 as ::layout_core::LayoutEnum>::DEF,
        <E124 as ::layout_core::LayoutEnum>::DEF,
        <E125 as ::layout_core::LayoutEnum>::DEF,
        <E126 as ::layout_core::LayoutEnum>::DEF,
        <E128 as ::layout_core::LayoutEnum>::DEF,
        <E130 as ::layout_core::LayoutEnum>::DEF,
        <E132 as ::layout_core::LayoutEnum>::DEF,
        <E133 as ::layout_core::LayoutEnum>::DEF,
        <E136 as ::layout_core::LayoutEnum>::DEF,
        <E137 as ::layout_core::LayoutEnum>::DEF,
        <E138 as ::layout_core::LayoutEnum>::DEF,
        <E139 as ::layout_core::LayoutEnum>::DEF,
        <E140 as ::layout_core::LayoutEnum>::DEF,
        <E141 as ::layout_core::LayoutEnum>::DEF,
        <E144 as ::layout_core::LayoutEnum>::DEF,
        <E147 as ::layout_core::LayoutEnum>::DEF,
        <E148 as ::layout_core::LayoutEnum>::DEF,
        <E149 as ::layout_core::LayoutEnum>::DEF,
        <E152 as ::layout_core::LayoutEnum>::DEF,
        <E153 as ::layout_core::LayoutEnum>::DEF,
        <E154 as ::layout_core::LayoutEnum>::DEF,
        <E155 as ::layout_core::LayoutEnum>::DEF,
        <E156 as ::layout_core::LayoutEnum>::DEF,
        <E157 as ::layout_core::LayoutEnum>::DEF,
        <E159 as ::layout_core::LayoutEnum>::DEF,
        <E161 as ::layout_core::LayoutEnum>::DEF,
        <E164 as ::layout_core::LayoutEnum>::DEF,
        <E167 as ::layout_core::LayoutEnum>::DEF,
        <E171 as ::layout_core::LayoutEnum>::DEF,
        <E172 as ::layout_core::LayoutEnum>::DEF,
        <E173 as ::layout_core::LayoutEnum>::DEF,
        <E174 as ::layout_core::LayoutEnum>::DEF,
        <E175 as ::layout_core::LayoutEnum>::DEF,
        <E177 as ::layout_core::LayoutEnum>::DEF,
        <E178 as ::layout_core::LayoutEnum>::DEF,
        <E180 as ::layout_core::LayoutEnum>::DEF,
        <E181 as ::layout_core::LayoutEnum>::DEF,
        <E182 as ::layout_core::LayoutEnum>::DEF,
        <E183 as ::layout_core::LayoutEnum>::DEF,
        <E184 as ::layout_core::LayoutEnum>::DEF,
        <E185 as ::layout_core::LayoutEnum>::DEF,
        <E186 as ::layout_core::LayoutEnum>::DEF,
        <E187 as ::layout_core::LayoutEnum>::DEF,
        <E189 as ::layout_core::LayoutEnum>::DEF,
        <E193 as ::layout_core::LayoutEnum>::DEF,
        <E194 as ::layout_core::LayoutEnum>::DEF,
        <E195 as ::layout_core::LayoutEnum>::DEF,
        <E199 as ::layout_core::LayoutEnum>::DEF,
        <E200 as ::layout_core::LayoutEnum>::DEF,
        <E201 as ::layout_core::LayoutEnum>::DEF,
        <E202 as ::layout_core::LayoutEnum>::DEF,
        <E203 as ::layout_core::LayoutEnum>::DEF,
        <E204 as ::layout_core::LayoutEnum>::DEF,
        <E205 as ::layout_core::LayoutEnum>::DEF,
        <E206 as ::layout_core::LayoutEnum>::DEF,
        <E207 as ::layout_core::LayoutEnum>::DEF,
        <E208 as ::layout_core::LayoutEnum>::DEF,
        <E209 as ::layout_core::LayoutEnum>::DEF,
        <E210 as ::layout_core::LayoutEnum>::DEF,
        <E211 as ::layout_core::LayoutEnum>::DEF,
        <E212 as ::layout_core::LayoutEnum>::DEF,
        <E213 as ::layout_core::LayoutEnum>::DEF,
        <E216 as ::layout_core::LayoutEnum>::DEF,
        <E217 as ::layout_core::LayoutEnum>::DEF,
        <E218 as ::layout_core::LayoutEnum>::DEF,
        <E220 as ::layout_core::LayoutEnum>::DEF,
        <E221 as ::layout_core::LayoutEnum>::DEF,
        <E222 as ::layout_core::LayoutEnum>::DEF,
        <E224 as ::layout_core::LayoutEnum>::DEF,
        <E225 as ::layout_core::LayoutEnum>::DEF,
        <E228 as ::layout_core::LayoutEnum>::DEF,
        <E230 as ::layout_core::LayoutEnum>::DEF,
        <E232 as ::layout_core::LayoutEnum>::DEF,
        <E233 as ::layout_core::LayoutEnum>::DEF,
        <E237 as ::layout_core::LayoutEnum>::DEF,
        <E238 as ::layout_core::LayoutEnum>::DEF,
        <E240 as ::layout_core::LayoutEnum>::DEF,
        <E241 as ::layout_core::LayoutEnum>::DEF,
        <E244 as ::layout_core::LayoutEnum>::DEF,
        <E245 as ::layout_core::LayoutEnum>::DEF,
        <E246 as ::layout_core::LayoutEnum>::DEF,
        <E247 as ::layout_core::LayoutEnum>::DEF,
        <E248 as ::layout_core::LayoutEnum>::DEF,
        <E249 as ::layout_core::LayoutEnum>::DEF,
        <E251 as ::layout_core::LayoutEnum>::DEF,
        <E252 as ::layout_core::LayoutEnum>::DEF,
        <E253 as ::layout_core::LayoutEnum>::DEF,
        <E255 as ::layout_core::LayoutEnum>::DEF,
        <E256 as ::layout_core::LayoutEnum>::DEF,
        <E257 as ::layout_core::LayoutEnum>::DEF,
        <E258 as ::layout_core::LayoutEnum>::DEF,
        <E259 as ::layout_core::LayoutEnum>::DEF,
        <E260 as ::layout_core::LayoutEnum>::DEF,
        <E261 as ::layout_core::LayoutEnum>::DEF,
        <E262 as ::layout_core::LayoutEnum>::DEF,
        <E263 as ::layout_core::LayoutEnum>::DEF,
        <E264 as ::layout_core::LayoutEnum>::DEF,
        <E266 as ::layout_core::LayoutEnum>::DEF,
        <E267 as ::layout_core::LayoutEnum>::DEF,
        <E268 as ::layout_core::LayoutEnum>::DEF,
        <E270 as ::layout_core::LayoutEnum>::DEF,
        <E273 as ::layout_core::LayoutEnum>::DEF,
        <E274 as ::layout_core::LayoutEnum>::DEF,
        <E275 as ::layout_core::LayoutEnum>::DEF,
        <E276 as ::layout_core::LayoutEnum>::DEF,
        <E277 as ::layout_core::LayoutEnum>::DEF,
        <E278 as ::layout_core::LayoutEnum>::DEF,
        <E279 as ::layout_core::LayoutEnum>::DEF,
        <E281 as ::layout_core::LayoutEnum>::DEF,
        <E283 as ::layout_core::LayoutEnum>::DEF,
        <E285 as ::layout_core::LayoutEnum>::DEF,
        <E287 as ::layout_core::LayoutEnum>::DEF,
        <E288 as ::layout_core::LayoutEnum>::DEF,
        <E290 as ::layout_core::LayoutEnum>::DEF,
        <E291 as ::layout_core::LayoutEnum>::DEF,
        <E297 as ::layout_core::LayoutEnum>::DEF,
        <E298 as ::layout_core::LayoutEnum>::DEF,
        <E299 as ::layout_core::LayoutEnum>::DEF,
        <E300 as ::layout_core::LayoutEnum>::DEF,
        <E301 as ::layout_core::LayoutEnum>::DEF,
        <E302 as ::layout_core::LayoutEnum>::DEF,
        <E303 as ::layout_core::LayoutEnum>::DEF,
        <E304 as ::layout_core::LayoutEnum>::DEF,
        <E306 as ::layout_core::LayoutEnum>::DEF,
        <E307 as ::layout_core::LayoutEnum>::DEF,
        <E309 as ::layout_core::LayoutEnum>::DEF,
        <E310 as ::layout_core::LayoutEnum>::DEF,
        <E312 as ::layout_core::LayoutEnum>::DEF,
        <E313 as ::layout_core::LayoutEnum>::DEF,
        <E314 as ::layout_core::LayoutEnum>::DEF,
        <E316 as ::layout_core::LayoutEnum>::DEF,
        <E317 as ::layout_core::LayoutEnum>::DEF,
        <E318 as ::layout_core::LayoutEnum>::DEF,
        <E319 as ::layout_core::LayoutEnum>::DEF,
        <E320 as ::layout_core::LayoutEnum>::DEF,
        <E321 as ::layout_core::LayoutEnum>::DEF,
        <E322 as ::layout_core::LayoutEnum>::DEF,
        <E323 as ::layout_core::LayoutEnum>::DEF,
        <E327 as ::layout_core::LayoutEnum>::DEF,
        <E328 as ::layout_core::LayoutEnum>::DEF,
    ]
}
