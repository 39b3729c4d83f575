#!/usr/bin/env python3
"""Share of a server's request-thread CPU samples per servlet filter, from a JFR recording.

    java -XX:StartFlightRecording=filename=trivial.jfr,settings=profile \
         -Dloader.path=target/truce-bench.jar -jar target/truce.jar bench --suite trivial
    jfr print --events jdk.ExecutionSample --stack-depth 300 trivial.jfr > samples.txt
    python3 src/bench/profile/jfr-filters.py samples.txt [THREAD-PREFIX]

THREAD-PREFIX picks the server: Tomcat names its request threads after its connector, and the
trivial suite starts the bare app first, so "http-nio-127.0.0.1-auto-1" is the bare app and
"http-nio-127.0.0.1-auto-2" is Truce (default: Truce).

A sample goes to the innermost layer on its stack, looking from the innermost frame outwards:
the servlet (Spring MVC's DispatcherServlet and everything it calls: the controller, JSON), else
the innermost filter whose own code was running (a frame of a method doFilter, doFilterInternal
or doHeadersAfter... of a class that is not a filter chain), else Tomcat outside the filters
(parsing, the socket, writing the response). So a filter's share is the CPU of its own work,
not of the filters and servlet it calls. Frames of the base classes that every filter shares
(OncePerRequestFilter.doFilter, GenericFilterBean) are counted apart, as they cannot be told
apart by filter. JFR samples only threads running Java code: native time (socket reads and
writes) is not here.
"""
import collections
import re
import sys

CHAINS = ('ApplicationFilterChain', 'VirtualFilterChain', 'FilterChainProxy$VirtualFilterChain',
          'ObservationFilterChainDecorator', 'CompositeFilter', 'DelegatingFilterProxy',
          'FilterChainProxy', 'HandlerMappingIntrospector', 'FilterChainDecorator')
FILTER_METHODS = ('doFilter', 'doFilterInternal', 'doFilterNestedErrorDispatch', 'invoke')
BASES = ('org.springframework.web.filter.OncePerRequestFilter', 'org.springframework.web.filter.GenericFilterBean')


def frames(event):
    stack = event.split('stackTrace = [', 1)[1].split(']\n', 1)[0]
    return [line.strip() for line in stack.split('\n') if line.strip() and not line.strip().startswith('...')]


def method_of(frame):
    m = re.match(r'([\w.$]+)\.([\w$<>]+)\(', frame)
    return (m.group(1), m.group(2)) if m else (frame, '')


def layer(stack):
    for frame in stack:
        cls, method = method_of(frame)
        simple = cls.rsplit('.', 1)[-1]
        if cls.startswith(('org.springframework.web.servlet.', 'org.springframework.web.method.')) or (
                cls.startswith('jakarta.servlet.http.HttpServlet') and method == 'service'):
            return 'servlet: Spring MVC, the controller and JSON'
        if method in ('doFilter', 'doFilterInternal', 'doFilterNestedErrorDispatch') and not any(
                simple == c or simple.startswith(c) for c in CHAINS):
            if cls.startswith(BASES):
                return 'filter base classes (OncePerRequestFilter, GenericFilterBean)'
            return 'filter: ' + simple
        if cls.startswith('org.springframework.security.web.FilterChainProxy'):
            return 'filter: FilterChainProxy (Spring Security: matching the chain, firewall)'
    return 'Tomcat outside the filters (HTTP parsing, socket, response)'


def main(path, prefix):
    counts = collections.Counter()
    for event in open(path).read().split('jdk.ExecutionSample {')[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        if not thread or not thread.group(1).startswith(prefix + '-exec-'):
            continue
        counts[layer(frames(event))] += 1
    total = sum(counts.values())
    print(f'request-thread samples of {prefix}: {total}')
    print('| samples | share | layer |')
    print('|---:|---:|---|')
    for name, n in counts.most_common():
        print(f'| {n} | {100.0 * n / total:.1f}% | {name} |')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'http-nio-127.0.0.1-auto-2')
