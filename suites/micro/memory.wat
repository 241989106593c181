;; memory: zero the 64 KiB page (so repeated calls give the same result), n
;; read-modify-write steps over its 16384 i32 words at addresses from a multiplicative
;; sequence, then a sum over the table.
;; run(n: i32) -> i32
(module
  (memory 1)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $addr i32) (local $sum i32)
    (block $cleared
      (loop $clear
        (br_if $cleared (i32.ge_u (local.get $i) (i32.const 65536)))
        (i32.store (local.get $i) (i32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $clear)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; word address = (i * 2654435761) >> 18, times 4: 16384 words
        (local.set $addr
          (i32.shl (i32.shr_u (i32.mul (local.get $i) (i32.const 2654435761)) (i32.const 18))
                   (i32.const 2)))
        (i32.store (local.get $addr)
          (i32.add (i32.load (local.get $addr))
                   (i32.xor (local.get $i)
                           (i32.load8_u (i32.and (local.get $i) (i32.const 0xFFFF))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; checksum: sum of all 16384 words
    (local.set $i (i32.const 0))
    (block $done2
      (loop $next2
        (br_if $done2 (i32.ge_u (local.get $i) (i32.const 65536)))
        (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next2)))
    (local.get $sum)))
