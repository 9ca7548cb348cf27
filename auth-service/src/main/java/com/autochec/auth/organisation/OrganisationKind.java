package com.autochec.auth.organisation;

/** What kind of body an organisation is; agents belong to one. */
public enum OrganisationKind {
    POLICE,
    GARAGE,
    INSURER,
    RENTAL,
    OTHER
}
