package org.truce.actor.model;

/**
 * What kind of actor this is. Neutral categories; designation follows the UN Security
 * Council lists.
 */
public enum ActorType {

	STATE_FORCE, ARMED_GROUP, DESIGNATED_TERRORIST_ORGANISATION, MILITIA, INTERNATIONAL_FORCE, CIVILIANS, OTHER

}
