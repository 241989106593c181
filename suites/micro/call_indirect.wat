;; call_indirect: n indirect calls through a table of four [i32 i32] -> [i32] functions,
;; chosen by i & 3; the accumulator threads through every call.
;; run(n: i32) -> i32
(module
  (type $binop (func (param i32 i32) (result i32)))
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $mix (type $binop) (i32.xor (i32.mul (local.get 0) (i32.const 31)) (local.get 1)))
  (func $rot (type $binop) (i32.rotl (local.get 0) (i32.and (local.get 1) (i32.const 31))))
  (func $sub (type $binop) (i32.sub (local.get 0) (i32.shr_u (local.get 1) (i32.const 1))))
  (table 4 funcref)
  (elem (i32.const 0) $add $mix $rot $sub)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (local.set $acc (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (call_indirect (type $binop)
            (local.get $acc) (local.get $i)
            (i32.and (local.get $i) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
