use super::*;

/// Data from JSON, no modules; a module `m` whose `twice(x)` doubles.
struct Data(Value);

impl Env for Data {
    fn lookup(&self, name: &str) -> Option<Value> {
        match self.0.member(&Value::String(name.into())) {
            Value::Undefined => None,
            v => Some(v),
        }
    }
    fn is_module(&self, name: &str) -> bool {
        name == "m"
    }
    fn call(&self, _: &str, path: &[String], args: Vec<Value>) -> Result<Value, String> {
        match path {
            [f] if f == "twice" => Ok(Value::Number(args[0].to_number() * 2.0)),
            _ => Err(format!("m.{} is not a function", path.join("."))),
        }
    }
    fn module_value(&self, _: &str, path: &[String]) -> Result<Value, String> {
        Ok(Value::String(path.join(".")))
    }
}

fn run(src: &str) -> Value {
    let data = Value::from_json_text(
        r#"{"w": 300, "name": "poster", "list": [1, 2, 3], "user": {"first": "Ada", "tags": ["a", "b"]},
            "zero": 0, "empty": "", "flag": true, "key": "first"}"#,
    )
    .unwrap();
    evaluate(&parse(src).unwrap(), &Data(data)).unwrap()
}

fn text(src: &str) -> String {
    run(src).to_js_string()
}

#[test]
fn arithmetic_follows_javascript_precedence_and_conversions() {
    assert_eq!(text("1 + 2 * 3"), "7");
    assert_eq!(text("(1 + 2) * 3"), "9");
    assert_eq!(text("w / 2 - 10 % 4"), "148");
    assert_eq!(text("-w + +'5'"), "-295");
    assert_eq!(text("'1' * '3'"), "3");
    assert_eq!(text("1 / 0"), "Infinity");
    assert_eq!(text("'a' - 1"), "NaN");
}

#[test]
fn plus_concatenates_strings_and_converts_arrays() {
    assert_eq!(text("w + 'px'"), "300px");
    assert_eq!(text("'#' + name + 1 + 2"), "#poster12");
    assert_eq!(text("1 + 2 + name"), "3poster");
    assert_eq!(text("list + ''"), "1,2,3");
    assert_eq!(text("user + ''"), "[object Object]");
}

#[test]
fn comparison_and_equality_are_javascripts() {
    assert_eq!(run("w > 200 && w <= 300"), Value::Bool(true));
    assert_eq!(
        run("'10' < '9'"),
        Value::Bool(true),
        "strings compare as text"
    );
    assert_eq!(run("'10' < 9"), Value::Bool(false));
    assert_eq!(run("w == '300'"), Value::Bool(true));
    assert_eq!(run("w === '300'"), Value::Bool(false));
    assert_eq!(run("missing == null"), Value::Bool(true));
    assert_eq!(run("missing === null"), Value::Bool(false));
    assert_eq!(run("zero != false"), Value::Bool(false));
}

#[test]
fn logical_operators_return_operands_and_short_circuit() {
    assert_eq!(text("empty || 'fallback'"), "fallback");
    assert_eq!(text("flag && name"), "poster");
    assert_eq!(run("zero ?? 5"), Value::Number(0.0));
    assert_eq!(run("missing ?? 5"), Value::Number(5.0));
    // The right side is not evaluated: no call error.
    assert_eq!(run("flag || m.nothing(1)"), Value::Bool(true));
    assert_eq!(run("!empty"), Value::Bool(true));
    assert_eq!(text("typeof list"), "object");
}

#[test]
fn ternaries_nest_to_the_right() {
    assert_eq!(text("w > 500 ? 'big' : w > 100 ? 'mid' : 'small'"), "mid");
    assert_eq!(text("flag ? (zero ? 1 : 2) : 3"), "2");
}

#[test]
fn member_and_index_access_reach_data() {
    assert_eq!(text("user.first"), "Ada");
    assert_eq!(text("user['first']"), "Ada");
    assert_eq!(text("user[key]"), "Ada");
    assert_eq!(text("user.tags[1]"), "b");
    assert_eq!(text("list.length"), "3");
    assert_eq!(text("name.length"), "6");
    assert_eq!(text("list[list.length - 1]"), "3");
    assert_eq!(run("user.missing.deeper"), Value::Undefined);
    assert_eq!(run("nothing[0].x"), Value::Undefined);
}

#[test]
fn array_and_object_literals_with_spread() {
    assert_eq!(text("[0, ...list, 4]"), "0,1,2,3,4");
    let o = run("{...user, first: 'Grace', w, 'quoted key': 1}");
    assert_eq!(
        o.member(&Value::String("first".into())),
        Value::String("Grace".into())
    );
    assert_eq!(o.member(&Value::String("w".into())), Value::Number(300.0));
    assert_eq!(
        o.member(&Value::String("quoted key".into())),
        Value::Number(1.0)
    );
    assert_eq!(
        o.member(&Value::String("tags".into())).to_js_string(),
        "a,b"
    );
    assert_eq!(run("{a: {b: 1}}").to_json_text(), r#"{"a":{"b":1}}"#);
}

#[test]
fn template_data_is_an_object_body() {
    let data = Data(Value::from_json_text(r#"{"item": {"x": 1}, "i": 2}"#).unwrap());
    let v = evaluate(
        &parse_object_body("...item, index: i", &Syntax::FULL).unwrap(),
        &data,
    )
    .unwrap();
    assert_eq!(v.to_json_text(), r#"{"index":2,"x":1}"#);
    let v = evaluate(&parse_object_body("item", &Syntax::FULL).unwrap(), &data).unwrap();
    assert_eq!(v.to_json_text(), r#"{"item":{"x":1}}"#);
}

#[test]
fn module_functions_are_the_only_calls() {
    assert_eq!(run("m.twice(w)"), Value::Number(600.0));
    assert_eq!(text("m.version"), "version");
    let data = Data(Value::Object(Vec::new()));
    let err = evaluate(&parse("name(1)").unwrap(), &data).unwrap_err();
    assert!(err.message.contains("script module"), "{err:?}");
    let err = evaluate(&parse("m.nope(1)").unwrap(), &data).unwrap_err();
    assert!(err.message.contains("not a function"), "{err:?}");
}

#[test]
fn syntax_errors_say_where() {
    for (src, offset) in [
        ("1 +", 3),
        ("a ? b", 5),
        ("{a: }", 4),
        ("'open", 0),
        ("a # b", 2),
        ("f(1,", 4),
    ] {
        let err = parse(src).unwrap_err();
        assert_eq!(err.offset, offset, "{src}: {err:?}");
    }
    // Deep nesting is refused, not a stack overflow.
    let deep = "(".repeat(10_000) + "1" + &")".repeat(10_000);
    assert!(parse(&deep).is_err());
    assert!(parse(&"!".repeat(10_000)).is_err());
}

#[test]
fn interpolation_keeps_a_lone_bindings_type() {
    assert!(matches!(
        interpolate("{{ w }}").unwrap(),
        Interpolated::Single(_)
    ));
    assert!(
        matches!(interpolate("width: {{w}}px").unwrap(), Interpolated::Mixed(p) if p.len() == 3)
    );
    assert_eq!(
        interpolate("plain").unwrap(),
        Interpolated::Static("plain".into())
    );
    assert!(matches!(
        interpolate("{{ {a: {b: 1}} }}").unwrap(),
        Interpolated::Single(Expr::Object(_))
    ));
    assert_eq!(interpolate("x {{ 1 + }}").unwrap_err().offset, 9);
    assert!(interpolate("x {{ open").is_err());
}

fn run_in(src: &str, syntax: &Syntax) -> Result<Value, ExprError> {
    let data = Value::from_json_text(
        r#"{"w": 300, "user": {"first": "Ada", "tags": ["a"]}, "none": null, "list": [1, 2]}"#,
    )
    .unwrap();
    evaluate(&parse_in(src, syntax)?, &Data(data))
}

#[test]
fn optional_chaining_cuts_the_whole_chain_at_a_nullish_link() {
    assert_eq!(text("user?.first"), "Ada");
    assert_eq!(run("none?.first.deeper"), Value::Undefined);
    assert_eq!(run("missing?.[key].x"), Value::Undefined);
    assert_eq!(text("user?.['first']"), "Ada");
    assert_eq!(run("m?.twice(w)"), Value::Number(600.0));
    assert_eq!(run("missing?.(1)"), Value::Undefined);
    // `?.5` is a conditional with a number, not a chain.
    assert_eq!(run("flag?.5:1"), Value::Number(0.5));
    assert!(parse("a?.").is_err());
}

#[test]
fn bitwise_and_shift_operators_convert_to_32_bit_integers() {
    assert_eq!(run("5 & 3"), Value::Number(1.0));
    assert_eq!(run("5 | 3"), Value::Number(7.0));
    assert_eq!(run("5 ^ 3"), Value::Number(6.0));
    assert_eq!(run("~5"), Value::Number(-6.0));
    assert_eq!(run("~~'7.9'"), Value::Number(7.0));
    assert_eq!(run("1 << 31"), Value::Number(-2147483648.0));
    assert_eq!(run("-16 >> 2"), Value::Number(-4.0));
    assert_eq!(run("-1 >>> 28"), Value::Number(15.0));
    assert_eq!(run("4294967297 | 0"), Value::Number(1.0));
    // JavaScript's precedence: `&` below equality, `|` below `^`.
    assert_eq!(run("1 | 2 ^ 3 & 4 == 4"), Value::Number(3.0));
    assert_eq!(run("1 + 2 << 1"), Value::Number(6.0));
}

#[test]
fn exponent_is_right_associative_and_refuses_a_bare_unary_base() {
    assert_eq!(run("2 ** 3 ** 2"), Value::Number(512.0));
    assert_eq!(run("(-2) ** 2"), Value::Number(4.0));
    assert_eq!(run("2 * 3 ** 2"), Value::Number(18.0));
    assert!(run("1 ** NaN").to_number().is_nan());
    assert!(parse("-2 ** 2").is_err());
}

#[test]
fn template_literals_interpolate_with_javascripts_to_string() {
    assert_eq!(text("`width: ${w}px; ${user.first}`"), "width: 300px; Ada");
    assert_eq!(text("`${list} ${`in ${name}`}`"), "1,2,3 in poster");
    assert_eq!(text("`a\\`b`"), "a`b");
    assert_eq!(text("`${ {a: 1}.a }`"), "1");
    assert!(parse("`open ${w}").is_err());
    let err = parse("`${ 1 + }`").unwrap_err();
    assert_eq!(err.offset, 8, "{err:?}");
    assert!(matches!(
        interpolate("{{ `}}` }}").unwrap(),
        Interpolated::Single(Expr::Template(..))
    ));
    // Deep nesting is refused, not a stack overflow.
    let deep = "`${".repeat(5_000) + &"}`".repeat(5_000);
    assert!(parse(&deep).is_err());
}

#[test]
fn void_typeof_and_in() {
    assert_eq!(run("void w"), Value::Undefined);
    assert_eq!(text("typeof missing"), "undefined");
    assert_eq!(run("'first' in user"), Value::Bool(true));
    assert_eq!(run("'last' in user"), Value::Bool(false));
    assert_eq!(run("2 in list"), Value::Bool(true));
    assert_eq!(run("3 in list"), Value::Bool(false));
    let data = Data(Value::Object(Vec::new()));
    let err = evaluate(&parse("'a' in 'abc'").unwrap(), &data).unwrap_err();
    assert!(err.message.contains("'in'"), "{err:?}");
}

#[test]
fn a_dialect_without_a_part_names_it_where_it_is_used() {
    let core = Syntax::core("AXML");
    for (src, offset, part) in [
        ("a?.b", 1, "optional chaining"),
        ("a & b", 2, "bitwise"),
        ("~a", 0, "bitwise"),
        ("a << 1", 2, "shift"),
        ("a ** 2", 2, "'**'"),
        ("void a", 0, "'void'"),
        ("'k' in a", 4, "'in'"),
        ("`x`", 0, "template literal"),
        ("a ?? b", 2, "'??'"),
        ("typeof a", 0, "'typeof'"),
    ] {
        let err = run_in(src, &core).unwrap_err();
        assert_eq!(err.offset, offset, "{src}: {err:?}");
        assert!(
            err.message.contains(part) && err.message.contains("AXML"),
            "{src}: {err:?}"
        );
    }
    assert_eq!(
        run_in("w > 1 ? user.first : ''", &core),
        Ok(Value::String("Ada".into()))
    );
    let wxml = Syntax {
        type_of: true,
        nullish: true,
        bitwise: true,
        void: true,
        ..Syntax::core("WXML")
    };
    assert_eq!(run_in("w | 1", &wxml), Ok(Value::Number(301.0)));
    assert_eq!(run_in("none ?? w", &wxml), Ok(Value::Number(300.0)));
    assert!(run_in("user?.first", &wxml).is_err());
    assert!(run_in("`${w}`", &wxml).is_err());
}
