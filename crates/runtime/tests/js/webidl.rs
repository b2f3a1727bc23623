//! WebIDL behaviour of the bindings, from JS. Each snippet runs against a
//! fresh 300×150 canvas (`canvas`, `ctx`); the expected value is the JSON of
//! what Chromium 148 returned for the same snippet (captured with
//! `tools/chrome-eval.mjs`), so these assert browser behaviour, not ours.

use mpcanvas_runtime::{RenderOptions, evaluate};

/// Runs `code` and returns its completion value as JSON, or
/// `THREW name: message` when it throws.
fn run(code: &str) -> String {
    let wrapped = format!("try {{ {code} }} catch (e) {{ 'THREW ' + e.name + ': ' + e.message }}");
    evaluate(&wrapped, &RenderOptions::default()).unwrap_or_else(|e| format!("script error: {e}"))
}

macro_rules! chromium_cases {
    ($($name:ident: $code:expr => $expected:expr;)*) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(run($code), $expected, "snippet: {}", $code);
            }
        )*
    };
}

chromium_cases! {
    negative_line_width_is_ignored: "ctx.lineWidth = 5; ctx.lineWidth = -1; ctx.lineWidth"
        => "5";
    line_width_strings_go_through_to_number: "ctx.lineWidth = '3'; ctx.lineWidth"
        => "3";
    non_finite_line_width_is_ignored: "ctx.lineWidth = 4; ctx.lineWidth = NaN; ctx.lineWidth = Infinity; ctx.lineWidth = 'abc'; ctx.lineWidth"
        => "4";
    arc_with_negative_radius_throws_index_size_error: "try { ctx.arc(0, 0, -1, 0, 1); 'no error' } catch (e) { [e.name, e instanceof DOMException, e.code] }"
        => "[\"IndexSizeError\",true,1]";
    ellipse_with_negative_radius_throws_index_size_error: "try { ctx.ellipse(0, 0, 5, -1, 0, 0, 1); 'no error' } catch (e) { e.name }"
        => "\"IndexSizeError\"";
    unparsable_fill_style_keeps_the_old_value: "ctx.fillStyle = '#123456'; ctx.fillStyle = 'nonsense'; ctx.fillStyle"
        => "\"#123456\"";
    fill_style_serialises_colours: "const out = []; for (const c of ['red', 'rgba(0,0,0,0.5)', 'hsl(120,100%,50%)', '#abc', 'transparent']) { ctx.fillStyle = c; out.push(ctx.fillStyle); } out"
        => "[\"#ff0000\",\"rgba(0, 0, 0, 0.5)\",\"#00ff00\",\"#aabbcc\",\"rgba(0, 0, 0, 0)\"]";
    fill_style_returns_the_same_gradient_object: "const g = ctx.createLinearGradient(0, 0, 1, 1); ctx.fillStyle = g; [ctx.fillStyle === g, ctx.fillStyle instanceof CanvasGradient]"
        => "[true,true]";
    restore_brings_back_the_gradient_object: "const g = ctx.createLinearGradient(0, 0, 1, 1); ctx.strokeStyle = g; ctx.save(); ctx.strokeStyle = 'red'; const mid = ctx.strokeStyle; ctx.restore(); [mid, ctx.strokeStyle === g]"
        => "[\"#ff0000\",true]";
    non_finite_gradient_coordinates_throw_type_error: "try { ctx.createLinearGradient(NaN, 0, 1, 1); 'no error' } catch (e) { e.name }"
        => "\"TypeError\"";
    negative_radial_gradient_radius_throws_index_size_error: "try { ctx.createRadialGradient(0, 0, -1, 0, 0, 1); 'no error' } catch (e) { e.name }"
        => "\"IndexSizeError\"";
    color_stop_errors: "const g = ctx.createLinearGradient(0, 0, 1, 1); const r = []; try { g.addColorStop(1.5, 'red') } catch (e) { r.push(e.name) } try { g.addColorStop(0.5, 'nonsense') } catch (e) { r.push(e.name) } try { g.addColorStop(NaN, 'red') } catch (e) { r.push(e.name) } r"
        => "[\"IndexSizeError\",\"SyntaxError\",\"TypeError\"]";
    too_few_arguments_is_a_type_error_with_the_count: "try { ctx.fillRect(1, 2, 3); 'no error' } catch (e) { [e.name, e.message] }"
        => "[\"TypeError\",\"Failed to execute 'fillRect' on 'CanvasRenderingContext2D': 4 arguments required, but only 3 present.\"]";
    invalid_fill_rule_argument_throws_type_error: "try { ctx.fill('bogus'); 'no error' } catch (e) { e.name }"
        => "\"TypeError\"";
    invalid_enum_attributes_are_ignored: "ctx.globalCompositeOperation = 'multiply'; ctx.globalCompositeOperation = 'plus'; ctx.lineCap = 'round'; ctx.lineCap = 'ROUND'; ctx.textAlign = 'center'; ctx.textAlign = 'middle'; ctx.imageSmoothingQuality = 'high'; ctx.imageSmoothingQuality = 'best'; [ctx.globalCompositeOperation, ctx.lineCap, ctx.textAlign, ctx.imageSmoothingQuality]"
        => "[\"multiply\",\"round\",\"center\",\"high\"]";
    odd_dash_lists_are_doubled_and_bad_ones_ignored: "ctx.setLineDash([1, 2, 3]); const a = ctx.getLineDash(); ctx.setLineDash([4, -1]); const b = ctx.getLineDash(); ctx.setLineDash(['5', 6]); [a, b, ctx.getLineDash()]"
        => "[[1,2,3,1,2,3],[1,2,3,1,2,3],[5,6]]";
    set_line_dash_needs_a_sequence: "try { ctx.setLineDash(5); 'no error' } catch (e) { e.name }"
        => "\"TypeError\"";
    get_image_data_with_zero_size_throws_index_size_error: "try { ctx.getImageData(0, 0, 0, 1); 'no error' } catch (e) { e.name }"
        => "\"IndexSizeError\"";
    long_arguments_truncate: "ctx.getImageData(0.9, 0.9, 1.7, 1.2).data.length"
        => "4";
    image_data_constructor_checks_sizes: "const r = [new ImageData(2, 3).data.length]; try { new ImageData(0, 2) } catch (e) { r.push(e.name) } try { new ImageData(new Uint8ClampedArray(12), 2) } catch (e) { r.push(e.name) } try { new ImageData(new Uint8ClampedArray(6), 1) } catch (e) { r.push(e.name) } r"
        => "[24,\"IndexSizeError\",\"IndexSizeError\",\"InvalidStateError\"]";
    image_data_shares_its_array: "const a = new Uint8ClampedArray(16); const d = new ImageData(a, 2); [d.data === a, d.width, d.height, d.data instanceof Uint8ClampedArray]"
        => "[true,2,2,true]";
    pixel_arguments_enforce_the_long_range: "const r = []; for (const f of [() => ctx.getImageData(NaN, 0, 1, 1), () => ctx.getImageData(0, 0, Infinity, 1), () => ctx.getImageData(0, 0, 2 ** 31, 1), () => ctx.createImageData(2 ** 31, 1), () => ctx.putImageData(ctx.createImageData(1, 1), 0, 0, 0, 0, Infinity, 1)]) { try { f(); r.push('no error') } catch (e) { r.push(e.name + ': ' + e.message) } } r"
        => "[\"TypeError: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': Value is not of type 'long'.\",\"TypeError: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': Value is infinite and not of type 'long'.\",\"TypeError: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': Value is outside the 'long' value range.\",\"TypeError: Failed to execute 'createImageData' on 'CanvasRenderingContext2D': Value is outside the 'long' value range.\",\"TypeError: Failed to execute 'putImageData' on 'CanvasRenderingContext2D': Value is infinite and not of type 'long'.\"]";
    image_data_constructor_sizes_past_the_limit_are_index_size_errors: "const r = []; for (const a of [[-1, 1], [100000, 100000], [2 ** 32, 1]]) { try { new ImageData(...a); r.push('no error') } catch (e) { r.push(e.name + ': ' + e.message) } } r"
        => "[\"IndexSizeError: Failed to construct 'ImageData': The requested image size exceeds the supported range.\",\"IndexSizeError: Failed to construct 'ImageData': The requested image size exceeds the supported range.\",\"IndexSizeError: Failed to construct 'ImageData': The source width is zero or not a number.\"]";
    geometry_interfaces_follow_their_webidl: "const r = {}; const p = new DOMPoint(1, 2); r.a = [p.x, p.y, p.z, p.w, p instanceof DOMPointReadOnly, Object.prototype.toString.call(p), JSON.stringify(p)]; p.x = '5'; r.b = p.x; const ro = new DOMPointReadOnly(1, 2, 3, 4); ro.x = 9; r.c = [ro.x, JSON.stringify(DOMPoint.fromPoint({x: 3, y: 'a'}))]; r.d = JSON.stringify(new DOMPoint(1, 2).matrixTransform(new DOMMatrix([2, 0, 0, 3, 10, 20]))); r.e = JSON.stringify(new DOMMatrix([2, 0, 0, 3, 10, 20]).transformPoint({x: 1, y: 1})) + ' ' + (new DOMMatrix().transformPoint() instanceof DOMPoint); const rc = new DOMRect(10, 20, -5, 8); r.f = [rc.top, rc.right, rc.bottom, rc.left, JSON.stringify(rc), rc instanceof DOMRectReadOnly]; rc.width = 4; r.g = rc.right; r.h = JSON.stringify(DOMRectReadOnly.fromRect({x: 1, height: 2})); r.i = Object.keys(DOMPoint.prototype).join() + '|' + Object.keys(DOMPointReadOnly.prototype).join() + '|' + Object.keys(DOMRect.prototype).join(); try { DOMPoint(); } catch (e) { r.j = e.name; } r.k = [new DOMRect(NaN, 0, 1, 1).left, DOMPoint.length, DOMRect.length]; ctx.roundRect(0, 0, 10, 10, [new DOMPoint(2, 3)]); r.l = 'ok'; r"
        => "{\"a\":[1,2,0,1,true,\"[object DOMPoint]\",\"{\\\"x\\\":1,\\\"y\\\":2,\\\"z\\\":0,\\\"w\\\":1}\"],\"b\":5,\"c\":[1,\"{\\\"x\\\":3,\\\"y\\\":null,\\\"z\\\":0,\\\"w\\\":1}\"],\"d\":\"{\\\"x\\\":12,\\\"y\\\":26,\\\"z\\\":0,\\\"w\\\":1}\",\"e\":\"{\\\"x\\\":12,\\\"y\\\":23,\\\"z\\\":0,\\\"w\\\":1} true\",\"f\":[20,10,28,5,\"{\\\"x\\\":10,\\\"y\\\":20,\\\"width\\\":-5,\\\"height\\\":8,\\\"top\\\":20,\\\"right\\\":10,\\\"bottom\\\":28,\\\"left\\\":5}\",true],\"g\":14,\"h\":\"{\\\"x\\\":1,\\\"y\\\":0,\\\"width\\\":0,\\\"height\\\":2,\\\"top\\\":0,\\\"right\\\":1,\\\"bottom\\\":2,\\\"left\\\":1}\",\"i\":\"x,y,z,w|x,y,z,w,matrixTransform,toJSON|x,y,width,height\",\"j\":\"TypeError\",\"k\":[null,0,0],\"l\":\"ok\"}";
    image_data_other_arrays_take_the_size_overload: "const r = []; for (const f of [() => new ImageData(new Uint8Array(100), 25), () => new ImageData({}, 2), () => new ImageData(new Uint8ClampedArray(0))]) { try { f(); r.push('ok') } catch (e) { r.push(e.name + ': ' + e.message) } } r"
        => "[\"IndexSizeError: Failed to construct 'ImageData': The source width is zero or not a number.\",\"IndexSizeError: Failed to construct 'ImageData': The source width is zero or not a number.\",\"TypeError: Failed to construct 'ImageData': 2 arguments required, but only 1 present.\"]";
    image_data_third_argument_must_be_settings: "const r = []; for (const f of [() => new ImageData(new Uint8Array(8), 1, 2), () => new ImageData(new Uint8Array(8), 1, {}), () => new ImageData(2, 2, 5), () => new ImageData(2, 2, {}).width]) { try { r.push(f()) } catch (e) { r.push(e.name + ': ' + e.message) } } r"
        => "[\"TypeError: Failed to construct 'ImageData': The provided value is not of type 'ImageDataSettings'.\",\"IndexSizeError: Failed to construct 'ImageData': The source width is zero or not a number.\",\"TypeError: Failed to construct 'ImageData': The provided value is not of type 'ImageDataSettings'.\",2]";
    put_image_data_arity: "const d = ctx.createImageData(2, 2); try { ctx.putImageData(d, 0, 0, 1); 'no error' } catch (e) { e.name }"
        => "\"TypeError\"";
    draw_image_arity_and_types: "const r = []; try { ctx.drawImage(canvas, 0) } catch (e) { r.push(e.name) } try { ctx.drawImage({}, 0, 0) } catch (e) { r.push(e.name) } r"
        => "[\"TypeError\",\"TypeError\"]";
    get_transform_returns_a_dom_matrix: "ctx.setTransform(1, 2, 3, 4, 5, 6); const m = ctx.getTransform(); [m.a, m.b, m.c, m.d, m.e, m.f, m instanceof DOMMatrix, m.is2D]"
        => "[1,2,3,4,5,6,true,true]";
    set_transform_accepts_a_matrix_dictionary: "ctx.setTransform({ a: 2, d: 3, e: 4 }); const m = ctx.getTransform(); [m.a, m.b, m.c, m.d, m.e, m.f]"
        => "[2,0,0,3,4,0]";
    conflicting_matrix_members_throw_type_error: "try { ctx.setTransform({ a: 2, m11: 3 }); 'no error' } catch (e) { e.name }"
        => "\"TypeError\"";
    shadow_color_serialises: "ctx.shadowColor = 'rgba(255, 0, 0, 0.5)'; const a = ctx.shadowColor; ctx.shadowColor = 'junk'; [a, ctx.shadowColor]"
        => "[\"rgba(255, 0, 0, 0.5)\",\"rgba(255, 0, 0, 0.5)\"]";
    setting_the_canvas_size_resets_the_context: "ctx.lineWidth = 7; ctx.fillStyle = 'red'; canvas.width = canvas.width; [ctx.lineWidth, ctx.fillStyle]"
        => "[1,\"#000000\"]";
    to_data_url_formats: "[canvas.toDataURL().slice(0, 22), canvas.toDataURL('image/jpeg').slice(0, 23), canvas.toDataURL('image/webp-nope').slice(0, 22)]"
        => "[\"data:image/png;base64,\",\"data:image/jpeg;base64,\",\"data:image/png;base64,\"]";
    round_rect_errors_are_range_errors: "const r = []; try { ctx.roundRect(0, 0, 10, 10, -1) } catch (e) { r.push(e.name) } try { ctx.roundRect(0, 0, 10, 10, [1, 2, 3, 4, 5]) } catch (e) { r.push(e.name) } r"
        => "[\"RangeError\",\"RangeError\"]";
    create_pattern_with_bad_repetition_is_a_syntax_error: "try { ctx.createPattern(canvas, 'sideways'); 'no error' } catch (e) { e.name }"
        => "\"SyntaxError\"";
    is_point_in_path_with_path2d: "const p = new Path2D('M0 0 L10 0 L10 10 Z'); [ctx.isPointInPath(p, 8, 2), ctx.isPointInPath(p, 2, 8), ctx.isPointInPath(p, 10, 10)]"
        => "[true,false,true]";
    context_knows_its_canvas: "[ctx.canvas === canvas, canvas.getContext('2d') === ctx, canvas.getContext('webgl')]"
        => "[true,true,null]";
    global_alpha_out_of_range_is_ignored: "ctx.globalAlpha = 0.5; ctx.globalAlpha = 2; ctx.globalAlpha = -1; ctx.globalAlpha"
        => "0.5";
    image_smoothing_enabled_coerces_to_boolean: "ctx.imageSmoothingEnabled = 0; const a = ctx.imageSmoothingEnabled; ctx.imageSmoothingEnabled = 'yes'; [a, ctx.imageSmoothingEnabled]"
        => "[false,true]";
    nan_draw_arguments_are_ignored: "ctx.fillStyle = '#000'; ctx.fillRect(0, 0, NaN, 10); ctx.fillRect(Infinity, 0, 10, 10); ctx.getImageData(0, 0, 1, 1).data[3]"
        => "0";
    value_of_runs_once_per_argument: "let n = 0; const x = { valueOf() { n++; return 1; } }; ctx.fillRect(x, x, 2, 2); n"
        => "2";
    dom_matrix_constructor_and_methods: "const m = new DOMMatrix([2, 0, 0, 2, 10, 20]); const p = m.transformPoint({ x: 1, y: 1 }); const i = m.inverse(); [p.x, p.y, i.a, i.e, m.multiply({ e: 1 }).e, m.isIdentity, new DOMMatrix().isIdentity]"
        => "[12,22,0.5,-5,12,false,true]";
    dom_matrix_read_only_is_the_immutable_base_of_dom_matrix: "const ro = new DOMMatrixReadOnly([1, 2, 3, 4, 5, 6]); const r = [ro.a, ro.m22, ro.m33, ro.is2D, ro.isIdentity, ro instanceof DOMMatrix, new DOMMatrix() instanceof DOMMatrixReadOnly, Object.prototype.toString.call(ro)]; ro.a = 9; const m3 = new DOMMatrixReadOnly([1,0,0,0, 0,1,0,0, 0,0,1,0, 5,6,7,1]); const m = new DOMMatrix(); m.m33 = 2; let name; try { DOMMatrixReadOnly(); } catch (e) { name = e.name; } [r, ro.a, String(ro), m3.is2D, m3.m43, String(m3), m.is2D, DOMMatrixReadOnly.length, DOMMatrixReadOnly.prototype.hasOwnProperty('translateSelf'), DOMMatrix.prototype.hasOwnProperty('translateSelf'), Object.keys(DOMMatrixReadOnly.prototype).slice(0, 8).join(), name]"
        => "[[1,4,1,true,false,false,true,\"[object DOMMatrixReadOnly]\"],1,\"matrix(1, 2, 3, 4, 5, 6)\",false,7,\"matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 6, 7, 1)\",false,0,false,true,\"a,b,c,d,e,f,m11,m12\",\"TypeError\"]";
    dom_matrix_static_constructors_validate_their_input: "const errs = []; for (const f of [() => DOMMatrix.fromMatrix({a: 1, m11: 2}), () => DOMMatrix.fromMatrix({is2D: true, m33: 2}), () => DOMMatrix.fromFloat32Array([1,2,3,4,5,6]), () => DOMMatrix.fromFloat64Array(new Float64Array(5)), () => new DOMMatrix([1,2,3]), () => String(new DOMMatrix([NaN,0,0,1,0,0]))]) { try { f(); errs.push('none'); } catch (e) { errs.push(e.name); } } [DOMMatrixReadOnly.fromMatrix({a: 2, m22: 3}).toString(), DOMMatrix.fromMatrix({m33: 2}).is2D, DOMMatrix.fromFloat32Array(new Float32Array([1,2,3,4,5,6])).toString(), DOMMatrixReadOnly.fromFloat64Array(new Float64Array(16).fill(1)).is2D, DOMMatrix.fromMatrix() instanceof DOMMatrix, DOMMatrixReadOnly.fromMatrix() instanceof DOMMatrix, String(new DOMMatrix('matrix(1, 2, 3, 4, 5, 6)')), errs]"
        => "[\"matrix(2, 0, 0, 3, 0, 0)\",false,\"matrix(1, 2, 3, 4, 5, 6)\",false,true,false,\"matrix(1, 2, 3, 4, 5, 6)\",[\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"InvalidStateError\"]]";
    dom_matrix_read_only_operations_return_new_matrices: "const ro = new DOMMatrixReadOnly([1, 2, 3, 4, 5, 6]); const t = ro.translate(10, 20); [t instanceof DOMMatrix, String(t), String(ro), String(ro.scale(2)), String(ro.scale(2, 3, 1, 5, 5)), String(ro.scaleNonUniform(2, 4)), String(ro.rotate(90)), ro.rotate(30, 0, 0).is2D, String(ro.skewX(45)), String(ro.skewY(45)), String(ro.flipX()), String(ro.flipY()), String(ro.inverse()), ro.translate(0, 0, 1).is2D, ro.rotateAxisAngle(1, 0, 0, 90).is2D, String(ro.scale3d(2)), String(ro.multiply({a: 2, e: 3})), Array.from(ro.toFloat64Array()), ro.toFloat32Array() instanceof Float32Array, JSON.stringify(ro.toJSON()), JSON.stringify(ro.transformPoint(new DOMPoint(1, 1))), JSON.stringify(new DOMMatrix([0, 0, 0, 0, 0, 0]).inverse().m11), new DOMMatrix([0, 0, 0, 0, 0, 0]).inverse().is2D]"
        => "[true,\"matrix(1, 2, 3, 4, 75, 106)\",\"matrix(1, 2, 3, 4, 5, 6)\",\"matrix(2, 4, 6, 8, 5, 6)\",\"matrix(2, 4, 9, 12, -30, -44)\",\"matrix(2, 4, 12, 16, 5, 6)\",\"matrix(3, 4, -1, -2, 5, 6)\",false,\"matrix(1, 2, 4, 6, 5, 6)\",\"matrix(3.9999999999999996, 6, 3, 4, 5, 6)\",\"matrix(-1, -2, 3, 4, 5, 6)\",\"matrix(1, 2, -3, -4, 5, 6)\",\"matrix(-2, 1, 1.5, -0.5, 1, -2)\",false,false,\"matrix3d(2, 4, 0, 0, 6, 8, 0, 0, 0, 0, 2, 0, 5, 6, 0, 1)\",\"matrix(2, 4, 3, 4, 8, 12)\",[1,2,0,0,3,4,0,0,0,0,1,0,5,6,0,1],true,\"{\\\"a\\\":1,\\\"b\\\":2,\\\"c\\\":3,\\\"d\\\":4,\\\"e\\\":5,\\\"f\\\":6,\\\"m11\\\":1,\\\"m12\\\":2,\\\"m13\\\":0,\\\"m14\\\":0,\\\"m21\\\":3,\\\"m22\\\":4,\\\"m23\\\":0,\\\"m24\\\":0,\\\"m31\\\":0,\\\"m32\\\":0,\\\"m33\\\":1,\\\"m34\\\":0,\\\"m41\\\":5,\\\"m42\\\":6,\\\"m43\\\":0,\\\"m44\\\":1,\\\"is2D\\\":true,\\\"isIdentity\\\":false}\",\"{\\\"x\\\":9,\\\"y\\\":12,\\\"z\\\":0,\\\"w\\\":1}\",\"null\",false]";
    // These two captured with Chromium 156 (tools/chrome-eval.mjs).
    dom_matrix_parses_css_transform_function_strings: "const out = []; for (const s of ['translate(1in, 1cm) translateX(5px) translateY(6px)', 'translate3d(1px, 2px, 3px)', 'TRANSLATE(1PX)scale(2)', 'scale(50%) scaleX(2) scaleY(3)', 'scale3d(1, 2, 3)', 'rotate(30deg)', 'rotate(0.5turn) rotate(100grad)', 'rotate(-90deg)', 'translate(calc(1px + 2px))', '  none  ', '', 'perspective(0)', 'rotate(30deg', 'skewX(90deg)', 'translate(1mm, 1pt)']) { const m = new DOMMatrix(s); out.push([m.is2D, Array.from(m.toFloat64Array())]); } out"
        => "[[true,[1,0,0,0,0,1,0,0,0,0,1,0,101,43.7952766418457,0,1]],[false,[1,0,0,0,0,1,0,0,0,0,1,0,1,2,3,1]],[true,[2,0,0,0,0,2,0,0,0,0,1,0,1,0,0,1]],[true,[1,0,0,0,0,1.5,0,0,0,0,1,0,0,0,0,1]],[false,[1,0,0,0,0,2,0,0,0,0,3,0,0,0,0,1]],[true,[0.8660254037844387,0.49999999999999994,0,0,-0.49999999999999994,0.8660254037844387,0,0,0,0,1,0,0,0,0,1]],[true,[0,-1,0,0,1,0,0,0,0,0,1,0,0,0,0,1]],[true,[0,-1,0,0,1,0,0,0,0,0,1,0,0,0,0,1]],[true,[1,0,0,0,0,1,0,0,0,0,1,0,3,0,0,1]],[true,[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]],[true,[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]],[false,[1,0,0,0,0,1,0,0,0,0,1,-1,0,0,0,1]],[true,[0.8660254037844387,0.49999999999999994,0,0,-0.49999999999999994,0.8660254037844387,0,0,0,0,1,0,0,0,0,1]],[true,[1,0,0,0,16331239353195370,1,0,0,0,0,1,0,0,0,0,1]],[true,[1,0,0,0,0,1,0,0,0,0,1,0,3.7795276641845703,1.3333333730697632,0,1]]]";
    dom_matrix_strings_with_relative_units_or_bad_syntax_throw_syntax_error: "const out = []; for (const s of ['translate(1px,)', 'translate(1em)', 'translate(10%)', 'inherit', 'initial', 'scale(1) none', 'rotate(45)', 'translate(5)', 'matrix(1,2,3,4,5)', 'translate(1px 2px)', 'scale(2,3,4)', 'perspective(-1px)']) { try { new DOMMatrix(s); out.push('parsed'); } catch (e) { out.push(e.name); } } out"
        => "[\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\"]";
    // Captured with Chromium 156 (tools/chrome-eval.mjs): rotations whose
    // sin/cos Chromium reduces to 0-45 degrees, and huge lengths it clamps.
    dom_matrix_rotations_match_chromium_to_the_bit: "const ab = (m) => [m.a, m.b]; [[1, 44.9, 45.1, 60, 91, 123.456, 200, 300, -60, -1000, 1e7, 1e8].map((x) => ab(new DOMMatrix(`rotate(${x}deg)`))), ab(new DOMMatrix().rotate(120)), Array.from(new DOMMatrix().rotateAxisAngle(1, 2, 3, 60).toFloat64Array()), Array.from(new DOMMatrix().rotate(30, 20, 10).toFloat64Array()), Array.from(new DOMMatrix('rotate3d(1, 1, 1, 60deg)').toFloat64Array()), ab(new DOMMatrix().rotateFromVector(3, 7)), new DOMMatrix().skewX(60).c, String(new DOMMatrix([1.1, 0.3, -0.7, 2.3, 5, 7]).rotate(45.1))]"
        => "[[[0.9998476951563913,0.01745240643728351],[0.7083398377245289,0.705871570678681],[0.705871570678681,0.7083398377245289],[0.49999999999999994,0.8660254037844387],[-0.01745240643728351,0.9998476951563913],[-0.5512964442855824,0.8343094333148066],[-0.9396926207859084,-0.3420201433256687],[0.49999999999999994,-0.8660254037844387],[0.49999999999999994,-0.8660254037844387],[0.17364817766693033,0.984807753012208],[0.17364817766693033,-0.984807753012208],[0.17364817766692997,-0.9848077530122081]],[-0.49999999999999994,0.8660254037844387],[0.5357142857142857,0.7657936462579851,-0.3557671927434186,0,-0.6229365034008423,0.6428571428571428,0.44574073922885216,0,0.5700529070291329,-0.01716931065742358,0.8214285714285714,0,0,0,0,1],[0.9254165783983234,0.16317591116653482,-0.3420201433256687,0,0.01802831123629725,0.8825641192593856,0.46984631039295416,0,0.37852230636979245,-0.44096961052988237,0.8137976813493738,0,0,0,0,1],[0.6666666666666666,0.6666666666666669,-0.33333333333333337,0,-0.33333333333333337,0.6666666666666666,0.6666666666666669,0,0.6666666666666669,-0.33333333333333337,0.6666666666666666,0,0,0,0,1],[0.39391929857916763,0.9191450300180579],1.7320508075688767,\"matrix(0.2806208413393789, 1.8409430979700205, -1.2732839209720586, 1.4110026612436075, 5, 7)\"]";
    dom_matrix_strings_clamp_huge_lengths_as_chromium_does: "['translate(1e400px)', 'translate(-1e10px, 5e9px)', 'translateX(33554430px)', 'translate3d(1e10px, 2e10px, 3e10px)', 'translateZ(1e400px)', 'perspective(1e400px)', 'matrix(1e300, 0, 0, 1.0000001, 0, 0)', 'scale(1.0000001, 1e39)', 'translate(0.1px)', 'translate(calc(NaN * 1px))'].map((s) => String(new DOMMatrix(s)))"
        => "[\"matrix(1, 0, 0, 1, 33554428, 0)\",\"matrix(1, 0, 0, 1, -33554430, 33554428)\",\"matrix(1, 0, 0, 1, 33554428, 0)\",\"matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 33554428, 33554428, 30000001024, 1)\",\"matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 3.4028234663852886e+38, 1)\",\"matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -2.938736052218037e-39, 0, 0, 0, 1)\",\"matrix(3.4028234663852886e+38, 0, 0, 1.0000001, 0, 0)\",\"matrix(1.0000001192092896, 0, 0, 3.4028234663852886e+38, 0, 0)\",\"matrix(1, 0, 0, 1, 0.10000000149011612, 0)\",\"matrix(1, 0, 0, 1, 0, 0)\"]";
    dom_matrix_self_operations_mutate_in_place: "const m = new DOMMatrix(); const same = m.translateSelf(5, 6) === m; [same, String(m.scaleSelf(2).rotateSelf(90).invertSelf()), String(new DOMMatrix([1,2,3,4,5,6]).preMultiplySelf({e: 10})), String(new DOMMatrix().setMatrixValue('matrix(2, 0, 0, 2, 1, 1)')), String(new DOMMatrix().skewXSelf(45).multiplySelf(new DOMMatrix([1, 0, 0, 1, 3, 4])))]"
        => "[true,\"matrix(0, -0.5, 0.5, 0, -3, 2.5)\",\"matrix(1, 2, 3, 4, 15, 6)\",\"matrix(2, 0, 0, 2, 1, 1)\",\"matrix(1, 0, 0.9999999999999999, 1, 7, 4)\"]";
}
