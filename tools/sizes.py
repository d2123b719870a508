#!/usr/bin/env python3
"""Lists Razor PageModels over 80 lines and request handlers over 25 lines (issue 22's limits).

Usage: tools/sizes.py [src/StretchLibrary.Web]
A handler is a PageModel's On... method, or an ...Async/List.../Get.../Post.../Log... method in an endpoints file.
"""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else 'src/StretchLibrary.Web'
print("PageModels > 80 lines:")
for f in sorted(glob.glob(root + '/Pages/**/*.cshtml.cs', recursive=True)):
    n = sum(1 for _ in open(f))
    if n > 80:
        print(f"  {n:4} {os.path.relpath(f, root)}")

print("Handlers > 25 lines:")
sig = re.compile(r'^\s*(public|private|internal)\s+(static\s+)?(async\s+)?(Task<[^>]*>+|Task|IActionResult|IResult|ValueTask<[^>]*>)\s+(On\w+|\w+Async|List\w+|Get\w+|Post\w+|Log\w+)\s*\(')
for f in sorted(glob.glob(root + '/**/*.cs', recursive=True)):
    if '/obj/' in f or '/Migrations/' in f:
        continue
    if not (f.endswith('.cshtml.cs') or 'Endpoints' in f or 'OfflineSessions' in f):
        continue
    lines = open(f).read().split('\n')
    i = 0
    while i < len(lines):
        m = sig.match(lines[i])
        if m and (m.group(5).startswith('On') or not f.endswith('.cshtml.cs')):
            j, depth, started = i, 0, False
            while j < len(lines):
                depth += lines[j].count('{') - lines[j].count('}')
                started = started or '{' in lines[j]
                if started and depth == 0:
                    break
                if not started and lines[j].rstrip().endswith(';'):
                    break
                j += 1
            if j - i + 1 > 25:
                print(f"  {j - i + 1:4} {os.path.relpath(f, root)}:{i + 1} {m.group(5)}")
            i = j
        i += 1
