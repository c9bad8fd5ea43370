use chitieu_core::plan;
const EX: &str = include_str!("../../tests/fixtures/plans/example.toml");
fn show(name: &str, t: &str) {
    let (p, d) = plan::load(name, t);
    println!("== {name}: plan={}", p.is_some());
    for x in &d { println!("   {}", x); }
    if let Some(p) = p { println!("   targets={:?}", p.targets.iter().map(|t| t.shape).collect::<Vec<_>>()); }
}
#[test]
fn probe() {
    show("avg value+max", &EX.replacen("min = 7.5", "value = 7.5", 1));
    show("qualifier+note", &EX.replacen("source = \"cuc-thong-ke-2024\"", "source = \"cuc-thong-ke-2024\"\nqualifier = \"approx\"\nnote = { vi = \"x\" }", 1));
    show("bom format2", &format!("\u{feff}{}", EX.replacen("format = 1", "format = 2", 1)));
    show("year huge", &EX.replacen("period = \"2021-2025\"\nshape", "year = 99999999999\nshape", 1));
    show("empty", "");
    show("only format", "format = 1\n");
    show("plan array", "format = 1\nplan = [1]\n");
    show("indicator as table", &EX.replacen("[[indicator]]", "[indicator]", 1));
    show("share target range", &EX.replacen("measure = \"rate\"", "measure = \"share\"", 1).replacen("max = 8", "max = 108", 1));
    show("neg exp", "x = 1e-5\n");
    show("text shape with value", &EX.replacen("shape = \"average\"\nmin = 7.5\nmax = 8", "shape = \"text\"\nvalue = 3\ntext = { vi = \"a\", en = \"b\" }", 1));
    show("dotted name", &EX.replacen("name = { vi = \"Tốc độ tăng GRDP\", en = \"GRDP growth\" }", "name.vi = \"Tốc độ\"", 1));
    show("unterminated ml", &EX.replacen("publisher = \"Cục Thống kê tỉnh Mẫu\"", "publisher = \"\"\"Cục", 1));
    show("control char", &EX.replacen("publisher = \"Cục", "publisher = \"\u{1}Cục", 1));
    show("ctrl in literal", &EX.replacen("publisher = \"Cục Thống kê tỉnh Mẫu\"", "publisher = 'Cục\u{1}'", 1));
    show("unused ok as_of month", &EX.replacen("source = \"cuc-thong-ke-2024\"", "source = \"cuc-thong-ke-2024\"\nas_of = \"2024-08\"", 1));
    show("year-and-period target", &EX.replacen("period = \"2021-2025\"\nshape", "period = \"2021-2025\"\nyear = 2030\nshape", 1));
    show("obs year 1800", &EX.replacen("year = 2023", "year = 1800", 1));
    show("nan word", "x = nan\n");
    show("neg zero count", &EX.replacen("measure = \"rate\"", "measure = \"count\"", 1).replacen("value = 6.1", "value = -0.0", 1));
    show("statement", &format!("{EX}\n[[statement]]\nid = \"g\"\nkind = \"goal\"\nyear = 2030\ndocument = \"nope\"\ntext = {{ vi = \"a\", en = \"b\" }}\n"));
    show("series break", &format!("{EX}\n[[series_break]]\ndate = \"2025-07-01\"\nbefore = \"mau\"\nafter = \"x\"\ntitle = {{ vi = \"a\", en = \"b\" }}\nnote = {{ vi = \"a\", en = \"b\" }}\n"));
    show("territory until", &EX.replacen("name = { vi = \"Tỉnh Mẫu\", en = \"Sample Province\" }", "name = { vi = \"Tỉnh Mẫu\", en = \"Sample Province\" }\nuntil = \"2022-06-30\"", 1));
}
