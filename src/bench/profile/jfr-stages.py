#!/usr/bin/env python3
"""Share of CPU samples per stage of intake, from a JFR recording of `truce bench --suite intake`.

    java -XX:StartFlightRecording=filename=intake.jfr,settings=profile \
         -Dloader.path=target/truce-bench.jar -jar target/truce.jar bench --suite intake --store sqlite
    jfr print --events jdk.ExecutionSample --stack-depth 64 intake.jfr > samples.txt
    python3 src/bench/profile/jfr-stages.py samples.txt

A sample is put in the stage of its innermost Truce frame (and, for the report context, of the
library that frame called: the JDBC driver or Jackson); a sample with no Truce frame, in the
framework it is in. Only the server's request threads, its background threads and the load
generator's threads are counted. JFR samples only threads running Java code: time in native
code (socket writes, fsync) is in jdk.NativeMethodSample, not here.
"""
import collections
import re
import sys

STORE = ('org.sqlite', 'org.postgresql', 'com.zaxxer')
JSON = ('tools.jackson', 'com.fasterxml')


def frames(event):
    stack = event.split('stackTrace = [', 1)[1].split(']\n', 1)[0]
    return [line.strip() for line in stack.split('\n') if line.strip() and not line.strip().startswith('...')]


def truce_stage(frame, inner):
    if '.ledger.' in frame or 'Commitment' in frame:
        return 'ledger: commitments and entry encoding'
    if '.actor.' in frame:
        return 'actor resolution'
    if '.deconfliction.' in frame:
        return 'alerts (proximity check)'
    if '.adjudication.' in frame:
        return 'adjudication'
    if '.incident.' in frame:
        return 'clustering'
    if '.identity.' in frame:
        return 'authentication (Truce)'
    if '.store.' in frame:
        return 'store (JDBC)'
    if '.web.' in frame:
        return 'HTTP: Truce filters and page advice'
    for f in inner:
        if f.startswith(STORE):
            return 'store (JDBC)'
        if f.startswith(JSON):
            return 'JSON (Truce encoding)'
    return 'report: validation and recording'


def stage(stack):
    for i, frame in enumerate(stack):
        if frame.startswith('org.truce.'):
            return truce_stage(frame, stack[:i])
    for frame in stack:
        if frame.startswith('org.springframework.security'):
            return 'authentication (Spring Security)'
        if frame.startswith(JSON + ('org.apache.', 'org.springframework.web', 'jakarta.servlet')):
            return 'HTTP and JSON (framework)'
        if frame.startswith(STORE):
            return 'store (JDBC)'
    return 'other'


def thread_kind(name):
    if name.startswith('http-nio'):
        return 'request'
    if name.startswith(('truce-cluster', 'truce-adjudicate', 'truce-group-commit', 'truce-alert')):
        return 'background'
    if name.startswith(('bench-client', 'HttpClient')):
        return 'load generator'
    return None


def main(path):
    counts = collections.Counter()
    for event in open(path).read().split('jdk.ExecutionSample {')[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        kind = thread_kind(thread.group(1)) if thread else None
        if kind is None:
            continue
        counts[kind if kind == 'load generator' else kind + ': ' + stage(frames(event))] += 1
    total = sum(counts.values())
    print('| samples | share | thread: stage |')
    print('|---:|---:|---|')
    for name, n in counts.most_common():
        print(f'| {n} | {100 * n / total:.1f}% | {name} |')
    print(f'| {total} | 100% | all counted |')


if __name__ == '__main__':
    main(sys.argv[1])
