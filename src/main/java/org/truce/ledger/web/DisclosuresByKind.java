package org.truce.ledger.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.KindDisclosures;
import org.truce.ledger.model.Disclosure;

/**
 * The current reader's policy over every kind of entry: each entry's groups are opened,
 * or not, by the rule of the context that owns its kind ({@link KindDisclosures}), asked
 * for the reader once per request and only when an entry of its kinds is served. A kind
 * no context owns is opened to no one.
 */
@Component
class DisclosuresByKind implements DisclosurePolicies {

	private final Map<String, KindDisclosures> owners = new HashMap<>();

	DisclosuresByKind(List<KindDisclosures> rules) {
		for (KindDisclosures rule : rules) {
			for (String kind : rule.kinds()) {
				KindDisclosures before = this.owners.put(kind, rule);
				if (before != null) {
					throw new IllegalStateException("two rules open the kind " + kind + ": "
							+ before.getClass().getName() + " and " + rule.getClass().getName());
				}
			}
		}
	}

	@Override
	public DisclosurePolicy forCurrentReader() {
		Map<KindDisclosures, DisclosurePolicy> asked = new HashMap<>();
		return new DisclosurePolicy() {

			@Override
			public boolean mayOpen(String kind, String subject, String group) {
				DisclosurePolicy policy = policy(kind);
				return policy != null && policy.mayOpen(kind, subject, group);
			}

			@Override
			public boolean mayOpen(String kind, String subject, Disclosure disclosure) {
				DisclosurePolicy policy = policy(kind);
				return policy != null && policy.mayOpen(kind, subject, disclosure);
			}

			private DisclosurePolicy policy(String kind) {
				KindDisclosures owner = DisclosuresByKind.this.owners.get(kind);
				return owner == null ? null : asked.computeIfAbsent(owner, KindDisclosures::forCurrentReader);
			}

		};
	}

}
