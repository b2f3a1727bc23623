use super::*;
use mpcanvas_js::runtime::{Limits, Runtime};

/// Runs compiled modules (`name` → source) in QuickJS with a tiny CommonJS
/// loader and returns `JSON.stringify(require(main))`.
fn run(files: &[(&str, &str)], main: &str) -> String {
    let rt = Runtime::new(Limits::default()).unwrap();
    rt.with(|ctx| {
        let registry = rquickjs::Object::new(ctx.clone()).unwrap();
        for (name, source) in files {
            let code = compile(name, source, Lang::of(name)).unwrap_or_else(|e| panic!("{e}"));
            let f: rquickjs::Function = ctx
                .eval(format!(
                    "(function (require, module, exports) {{ {code}\n}})"
                ))
                .unwrap_or_else(|_| panic!("{name} compiled to bad JS:\n{code}"));
            registry.set(*name, f).unwrap();
        }
        ctx.globals().set("__files", registry).unwrap();
        let loader = r#"
            (function () {
              var cache = {};
              function req(name) {
                var key = name.replace('./', '');
                if (!__files[key]) key = key + '.ts';
                if (!__files[key]) key = key.replace('.ts', '.js');
                if (cache[key]) return cache[key].exports;
                var module = { exports: {} };
                cache[key] = module;
                __files[key](req, module, module.exports);
                return module.exports;
              }
              return req;
            })()
        "#;
        let req: rquickjs::Function = ctx.eval(loader).unwrap();
        match req.call::<_, rquickjs::Value>((main,)) {
            Ok(v) => ctx
                .json_stringify(v)
                .unwrap()
                .map(|s| s.to_string().unwrap())
                .unwrap_or_default(),
            Err(_) => format!(
                "threw {}",
                mpcanvas_js::console::format_value(&ctx, &ctx.catch())
            ),
        }
    })
}

#[test]
fn plain_commonjs_is_returned_untouched() {
    let src = "var a = require('./a');\nmodule.exports = a;";
    assert!(matches!(
        compile("x.js", src, Lang::Js),
        Ok(Cow::Borrowed(_))
    ));
    // A script that only mentions the words is not a module.
    let src = "var important = 1; // export this\nmodule.exports = important;";
    assert_eq!(compile("x.js", src, Lang::Js).unwrap(), src);
}

#[test]
fn default_named_and_namespace_imports_and_exports() {
    let out = run(
        &[
            (
                "main.js",
                "import def, { a, b as bee } from './lib';\nimport * as ns from './lib';\nimport cjs from './cjs';\nimport { v } from './cjs';\nexport default [def(), a, bee, ns.a, typeof ns.default, cjs.v, v];",
            ),
            (
                "lib.js",
                "export const a = 1;\nexport let b = 2;\nexport default function named() { return 'def'; }",
            ),
            ("cjs.js", "module.exports = { v: 'cjs' };"),
        ],
        "main.js",
    );
    assert_eq!(out, r#"{"default":["def",1,2,1,"function","cjs","cjs"]}"#);
}

#[test]
fn re_exports_and_export_star() {
    let out = run(
        &[
            (
                "main.js",
                "import { x, y, z, all } from './mid';\nexport { x as renamed };\nexport const list = [x, y, z, all.w];",
            ),
            (
                "mid.js",
                "export { w as x } from './leaf';\nexport * from './other';\nexport * as all from './leaf';",
            ),
            ("leaf.js", "export const w = 'w';"),
            ("other.js", "export const y = 'y', z = 'z';"),
        ],
        "main.js",
    );
    assert_eq!(out, r#"{"renamed":"w","list":["w","y","z","w"]}"#);
}

#[test]
fn imports_are_live_so_circular_imports_work() {
    let out = run(
        &[
            (
                "a.js",
                "import { b } from './b';\nexport function a() { return 'a'; }\nexport const viaB = () => b();",
            ),
            (
                "b.js",
                "import { a } from './a';\nexport function b() { return 'b+' + a(); }",
            ),
            (
                "main.js",
                "import { viaB } from './a';\nexport const r = viaB();",
            ),
        ],
        "main.js",
    );
    assert_eq!(out, r#"{"r":"b+a"}"#);
}

#[test]
fn shorthand_properties_and_dynamic_import() {
    let out = run(
        &[
            (
                "main.js",
                "import { n } from './n';\nexport const o = { n };\nexport const p = import('./n').then(m => m.n);",
            ),
            ("n.js", "export const n = 5;"),
        ],
        "main.js",
    );
    assert_eq!(out, r#"{"o":{"n":5},"p":{}}"#);
}

#[test]
fn typescript_types_enums_and_classes_compile() {
    let out = run(
        &[
            (
                "main.ts",
                "import type { Size } from './types';\nimport { area, Shape } from './shapes';\ninterface Local { k: string }\nconst s: Size = { w: 3, h: 4 };\nexport const out: number[] = [area(s), Shape.Circle as number];\n",
            ),
            ("types.ts", "export interface Size { w: number; h: number }"),
            (
                "shapes.ts",
                "import type { Size } from './types';\nexport enum Shape { Square, Circle }\nexport function area<T extends Size>(s: T): number { return s.w * s.h!; }\nexport class Box { constructor(private readonly size: Size) {} get w() { return this.size.w; } }",
            ),
        ],
        "main.ts",
    );
    assert_eq!(out, r#"{"out":[12,1]}"#);
}

#[test]
fn compiled_code_keeps_the_original_lines() {
    let ts = "import { x } from './x';\n\ninterface A {\n  a: number;\n}\n\nfunction f(a: number,\n  b: string): void {\n  throw new Error('line ' + x);\n}\nexport default f;\n";
    let code = compile("f.ts", ts, Lang::Ts).unwrap();
    let line = code
        .lines()
        .position(|l| l.contains("throw new Error"))
        .unwrap();
    assert_eq!(line + 1, 9, "{code}");
    let js = "import { x } from './x';\n\nexport function f() {\n  return x;\n}\n\nthrow new Error('here');\n";
    let code = compile("f.js", js, Lang::Js).unwrap();
    let line = code.lines().position(|l| l.contains("throw new")).unwrap();
    assert_eq!(line + 1, 7, "{code}");
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let e = compile("pages/a.ts", "const a = 1;\nlet b: = 2;\n", Lang::Ts).unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("pages/a.ts", 2), "{e}");
    let e = compile(
        "m.js",
        "import x from './x';\nexport const = 3;\n",
        Lang::Js,
    )
    .unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    let e = compile("m.js", "export const u = import.meta.url;\n", Lang::Js).unwrap_err();
    assert!(e.to_string().starts_with("m.js:1:"), "{e}");
    assert!(e.message.contains("import.meta"));
}

#[test]
fn an_imported_default_class_is_constructed_with_new() {
    let out = run(
        &[
            (
                "main.js",
                "import Painter from './painter';\nimport { Pen } from './pen';\nexport default [new Painter(2).n, new Pen().k];",
            ),
            (
                "painter.js",
                "module.exports = { __esModule: true, default: class P { constructor(n) { this.n = n; } } };",
            ),
            (
                "pen.js",
                "export class Pen { constructor() { this.k = 'pen'; } }",
            ),
        ],
        "main.js",
    );
    assert_eq!(out, r#"{"default":[2,"pen"]}"#);
}

#[test]
fn a_bundle_exporting_its_own_es_module_marker_loads() {
    // webpack 5's ES module output: `export { o as __esModule, ... }`.
    let out = run(
        &[(
            "main.js",
            "var s = {}; Object.defineProperty(s, 'X', { value: true }); s.P = 7;\nvar i = s.P, o = s.X;\nexport { i as Pen, o as __esModule };",
        )],
        "main.js",
    );
    assert_eq!(out, r#"{"Pen":7}"#);
}
