// The one dictionary of the web client: every screen text and every code the API returns, in French
// (default) and English. Nothing raw reaches a screen: an unknown code is shown through codeLabel(), which
// turns it into words instead of printing NOT_FOUND or ESSENCE.

const STRINGS = {
  fr: {
    'app.title': 'Autochec — vérification de véhicule',
    'app.tagline': 'Vérifier un véhicule à partir de sa plaque',
    'nav.menu': 'Menu', 'nav.home': 'Accueil', 'nav.check': 'Contrôle', 'nav.history': 'Mes contrôles',
    'nav.queue': 'File hors ligne', 'nav.tools': 'Signaler / proposer', 'nav.vehicles': 'Mes véhicules',
    'nav.notifications': 'Notifications', 'nav.consultations': 'Consultations', 'nav.proposals': 'Propositions',
    'nav.claim': 'Revendiquer un véhicule', 'nav.admin': 'Tableau de bord', 'nav.adminDocuments': 'Documents',
    'nav.adminProposals': 'Propositions', 'nav.adminClaims': 'Revendications', 'nav.adminVehicles': 'Véhicules',
    'nav.adminImport': 'Import CSV', 'nav.adminAgents': 'Agents', 'nav.adminAudit': 'Audit', 'nav.verify': 'Vérifier un rapport',
    'nav.main': 'Navigation principale', 'skip': 'Aller au contenu',
    'auth.login': 'Se connecter', 'auth.logout': 'Se déconnecter', 'auth.register': 'Créer un compte',
    'auth.failed': 'La connexion a échoué : {0}', 'auth.state': 'état inattendu, réessayez.',
    'auth.expired': 'Votre session a expiré. Reconnectez-vous.',
    'auth.needed': 'Connectez-vous pour accéder à cette page.', 'auth.forbidden': 'Cette page est réservée à un autre rôle.',
    'lang.switch': 'English', 'lang.short': 'EN', 'lang.switchLabel': 'Switch to English',
    'net.offline': 'Hors ligne : les contrôles sont mis en file et envoyés au retour du réseau.',
    'landing.h1': 'Vérifier un véhicule',
    'landing.lead': 'Autochec identifie un véhicule à partir de sa plaque d’immatriculation, saisie ou photographiée, et indique si son assurance, son contrôle technique et ses taxes sont en règle et s’il est signalé volé.',
    'landing.who': 'Pour les acheteurs, les forces de l’ordre, les garages, les assureurs et les propriétaires. Une recherche publique ne montre jamais de donnée personnelle.',
    'landing.what1': 'Caractéristiques : marque, modèle, année, couleur, énergie',
    'landing.what2': 'Assurance, contrôle technique, taxes',
    'landing.what3': 'Signalement de vol et situation administrative',
    'landing.verifyLink': 'Vérifier l’authenticité d’un rapport PDF',
    'landing.register': 'Propriétaire ? Créez un compte pour suivre vos véhicules et leurs échéances.',
    'check.typed': 'Saisir la plaque', 'check.photo': 'Prendre une photo',
    'check.plate': 'Plaque d’immatriculation', 'check.plateHint': 'Exemple : AB-123-CD ou 123 ABC 75',
    'check.submit': 'Vérifier', 'check.photoLabel': 'Photo de la plaque (JPEG, PNG ou WebP, 10 Mo au plus)',
    'check.photoSubmit': 'Envoyer la photo', 'check.camera': 'Ouvrir la caméra', 'check.capture': 'Prendre la photo',
    'check.cameraClose': 'Fermer la caméra', 'check.cameraGuide': 'Cadrez la plaque dans le rectangle',
    'check.preview': 'Aperçu de la photo', 'check.photoTooLarge': 'La photo dépasse 10 Mo.',
    'check.purpose': 'Motif du contrôle', 'check.context': 'Contexte du contrôle', 'check.purposeChoose': '— Choisir un motif —', 'check.purposeText': 'Précisez le motif',
    'check.purposeRequired': 'Le motif est obligatoire pour un agent.',
    'check.observed': 'Ce que vous constatez (facultatif)', 'check.observedMake': 'Marque observée', 'check.observedColour': 'Couleur observée',
    'check.location': 'Joindre ma position', 'check.locationOk': 'Position jointe ({0}, {1}).', 'check.locationFailed': 'Position indisponible.',
    'check.vinPhoto': 'Photo du VIN (facultatif)',
    'check.queued': 'Pas de réseau : le contrôle est gardé dans la file et sera envoyé au retour du réseau.',
    'progress.title': 'Progression', 'progress.RECEIVED': 'Photo reçue', 'progress.READING': 'Lecture de la plaque',
    'progress.VERIFYING': 'Vérification', 'progress.COMPLETED': 'Terminé', 'progress.NEEDS_CONFIRMATION': 'Confirmation demandée',
    'progress.FAILED': 'Échec', 'progress.PENDING': 'En attente',
    'confirm.title': 'Lecture incertaine : confirmez la plaque', 'confirm.lead': 'Choisissez la plaque lue ou saisissez-la.',
    'confirm.registered': 'immatriculé', 'confirm.notRegistered': 'non immatriculé', 'confirm.button': 'Confirmer',
    'confirm.other': 'Autre plaque',
    'result.title': 'Résultat', 'result.check': 'contrôle {0}', 'result.reasons': 'Motifs', 'result.vehicle': 'Véhicule',
    'result.documents': 'Documents', 'result.status': 'Situation', 'result.read': 'Lu sur la photo : {0} (confiance {1} %)',
    'result.reading': 'Lecture de la photo…', 'result.noReasons': 'Aucune anomalie.',
    'result.report': 'Télécharger le rapport (PDF)', 'result.reportWait': 'Préparation…',
    'result.reportNotReady': 'Le rapport n’est pas encore prêt. Réessayez dans un instant.', 'result.reportDone': 'Téléchargé.',
    'result.share': 'Partager', 'result.shared': 'Lien copié.', 'result.stillReading': 'La lecture prend du temps. Réessayez plus tard.',
    'flag.insured': 'Assuré', 'flag.inspection': 'Contrôle technique valide', 'flag.tax': 'Taxes payées', 'flag.stolen': 'Signalé volé',
    'flag.yes': 'oui', 'flag.no': 'non', 'flag.unknown': 'inconnu',
    'doc.validUntil': 'valable jusqu’au {0}', 'doc.invalidUntil': 'non valable (échéance {0})', 'doc.invalid': 'non valable',
    'doc.valid': 'valable',
    'field.plate': 'Plaque', 'field.make': 'Marque', 'field.model': 'Modèle', 'field.variant': 'Version', 'field.year': 'Année',
    'field.colour': 'Couleur', 'field.category': 'Catégorie', 'field.fuel': 'Énergie', 'field.firstRegistration': 'Première immatriculation',
    'field.vin': 'VIN', 'field.fiscalPower': 'Puissance fiscale (CV)', 'field.powerKw': 'Puissance (kW)', 'field.stolen': 'Signalé volé',
    'field.owner': 'Titulaire', 'field.ownerTown': 'Commune du titulaire', 'field.ownerAddress': 'Adresse du titulaire',
    'field.ownerEmail': 'Courriel du titulaire', 'field.ownerKind': 'Type de titulaire', 'field.mileage': 'Kilométrage',
    'field.type': 'Type', 'field.status': 'Statut', 'field.validFrom': 'Valable du', 'field.validUntil': 'Valable jusqu’au',
    'field.issuer': 'Émetteur', 'field.reference': 'Référence', 'field.date': 'Date', 'field.organisation': 'Organisation',
    'field.purpose': 'Motif', 'field.verdict': 'Verdict', 'field.action': 'Action', 'field.user': 'Utilisateur',
    'field.value': 'Nouvelle valeur', 'field.current': 'Valeur actuelle', 'field.justification': 'Justification',
    'field.field': 'Champ', 'field.reason': 'Motif du refus', 'field.name': 'Nom', 'field.kind': 'Type', 'field.active': 'Actif',
    'field.username': 'Identifiant', 'field.email': 'Courriel', 'field.firstName': 'Prénom', 'field.lastName': 'Nom',
    'field.role': 'Rôle', 'field.channel': 'Canal', 'field.count': 'Nombre', 'field.file': 'Fichier', 'field.from': 'Du', 'field.to': 'Au',
    'field.source': 'Source', 'field.confidence': 'Confiance', 'field.sequence': 'N°', 'field.requestedAt': 'Demandé le',
    'field.message': 'Message', 'field.read': 'Valeur lue', 'field.line': 'Ligne', 'field.vinLast4': '4 derniers caractères du VIN',
    'field.certificate': 'Numéro du certificat d’immatriculation', 'field.days': 'Durée (jours)',
    'queue.title': 'File hors ligne', 'queue.empty': 'Aucun contrôle en attente.', 'queue.lead': 'Contrôles faits sans réseau, envoyés automatiquement au retour du réseau avec leur heure d’origine.',
    'queue.send': 'Envoyer maintenant', 'queue.remove': 'Retirer', 'queue.typed': 'Plaque {0}', 'queue.photoItem': 'Photo',
    'queue.sent': '{0} contrôle(s) envoyé(s) depuis la file.', 'queue.count': '{0} en attente',
    'history.title': 'Mes contrôles', 'history.lead': 'Contrôles faits depuis cet appareil.', 'history.empty': 'Aucun contrôle pour l’instant.',
    'history.open': 'Ouvrir',
    'tools.title': 'Signaler, déposer, proposer', 'tools.stolen': 'Signaler un véhicule volé',
    'tools.stolenLead': 'Un signalement par la police prend effet immédiatement ; les autres attendent la validation d’un administrateur.',
    'tools.stolenDone': 'Signalement enregistré.', 'tools.stolenConfirm': 'Signaler ce véhicule volé',
    'tools.upload': 'Déposer un document', 'tools.uploadDone': 'Document déposé : en attente de validation.',
    'tools.proposal': 'Proposer une correction', 'tools.proposalDone': 'Proposition envoyée : en attente de validation.',
    'tools.documentFile': 'Document (photo ou PDF)', 'tools.documentType': 'Type de document',
    'owner.vehicles': 'Mes véhicules', 'owner.noVehicles': 'Aucun véhicule lié à votre compte.', 'owner.claimCta': 'Revendiquer un véhicule',
    'owner.details': 'Voir la fiche', 'owner.documents': 'Documents', 'owner.noDocuments': 'Aucun document.',
    'owner.upload': 'Ajouter un document', 'owner.consultations': 'Qui a consulté mes véhicules',
    'owner.noConsultations': 'Aucune consultation enregistrée.', 'owner.publicCount': '{0} recherche(s) publique(s)',
    'owner.lawEnforcement': 'forces de l’ordre', 'owner.share': 'Partager un rapport avec un acheteur',
    'owner.shareLead': 'Créez un lien limité dans le temps et révocable vers le rapport de votre véhicule.',
    'owner.shareCreate': 'Créer le lien', 'owner.shareRevoke': 'Révoquer', 'owner.shareLink': 'Lien à transmettre',
    'owner.notifications': 'Notifications', 'owner.noNotifications': 'Aucune notification.', 'owner.markRead': 'Marquer comme lue',
    'owner.unread': 'non lue', 'owner.preferences': 'Préférences', 'owner.prefInApp': 'Dans l’application', 'owner.prefEmail': 'Par courriel',
    'owner.prefSave': 'Enregistrer', 'owner.prefSaved': 'Préférences enregistrées.',
    'owner.proposals': 'Mes propositions', 'owner.noProposals': 'Aucune proposition.',
    'owner.claim': 'Revendiquer un véhicule', 'owner.claimLead': 'Indiquez la plaque, les 4 derniers caractères du VIN et le numéro du certificat d’immatriculation (carte grise). Si tout correspond, le véhicule est lié aussitôt ; sinon un administrateur vérifie.',
    'owner.claimDone': 'Revendication enregistrée : {0}.', 'owner.claims': 'Mes revendications',
    'admin.dashboard': 'Tableau de bord', 'admin.pendingDocuments': 'Documents à valider', 'admin.pendingProposals': 'Propositions à traiter',
    'admin.pendingClaims': 'Revendications à traiter', 'admin.statistics': 'Statistiques', 'admin.checksPerDay': 'Contrôles par jour',
    'admin.topReasons': 'Motifs les plus fréquents', 'admin.readingRate': 'Taux de lecture des photos', 'admin.p95': 'Latence p95',
    'admin.none': 'Rien en attente.', 'admin.validate': 'Valider', 'admin.reject': 'Refuser', 'admin.approve': 'Approuver',
    'admin.extracted': 'Champs lus', 'admin.mismatches': 'Incohérences', 'admin.confirmDates': 'Dates confirmées',
    'admin.image': 'Image du document', 'admin.done': 'Décision enregistrée.',
    'admin.search': 'Rechercher', 'admin.vehicleSearch': 'Véhicules et titulaires', 'admin.import': 'Import CSV',
    'admin.importVehicles': 'Véhicules', 'admin.importDocuments': 'Documents', 'admin.importKind': 'Contenu du fichier',
    'admin.importRun': 'Importer', 'admin.importRunning': 'Import en cours…',
    'admin.importResult': '{0} créé(s), {1} mis à jour, {2} inchangé(s), {3} erreur(s).',
    'admin.organisations': 'Organisations', 'admin.agents': 'Agents', 'admin.createOrg': 'Créer une organisation',
    'admin.createAgent': 'Créer un agent', 'admin.disable': 'Désactiver', 'admin.enable': 'Activer', 'admin.created': 'Créé.',
    'admin.audit': 'Journal d’audit', 'admin.auditExport': 'Exporter en CSV', 'admin.auditVerify': 'Vérifier la chaîne',
    'admin.chainValid': 'Chaîne intègre ({0} entrées).', 'admin.chainBroken': 'Chaîne rompue à l’entrée {0}.',
    'admin.results': '{0} résultat(s)', 'admin.prev': 'Précédent', 'admin.next': 'Suivant', 'admin.edit': 'Modifier',
    'admin.saved': 'Enregistré.', 'admin.save': 'Enregistrer',
    'verify.title': 'Vérifier un rapport', 'verify.lead': 'Déposez un rapport PDF Autochec pour savoir s’il est authentique et intact. Le QR code du rapport mène aussi à sa page de vérification.',
    'verify.file': 'Rapport PDF (5 Mo au plus)', 'verify.submit': 'Vérifier', 'verify.id': 'Ou saisissez l’identifiant du rapport',
    'verify.open': 'Ouvrir la page de vérification', 'verify.GENUINE': 'Authentique', 'verify.ALTERED': 'Modifié',
    'verify.UNKNOWN': 'Inconnu', 'verify.signed': 'Signature valide',
    'verify.whole': 'Signature couvrant tout le fichier',
    'error.title': 'Erreur', 'error.network': 'Réseau indisponible', 'error.networkDetail': 'Le serveur ne répond pas. Vérifiez la connexion.',
    'error.status': 'Erreur {0}', 'error.retryAfter': '(réessayez dans {0} s)',
    'unavailable.title': 'Service indisponible',
    'unavailable.detail': 'Ce service n’est pas disponible pour le moment. Réessayez plus tard.',
    'common.loading': 'Chargement…', 'common.send': 'Envoyer', 'common.cancel': 'Annuler', 'common.close': 'Fermer',
    'common.yes': 'oui', 'common.no': 'non', 'common.none': '—', 'common.optional': 'facultatif', 'common.refresh': 'Actualiser',
    'common.notFound': 'Page introuvable.', 'common.all': 'Tous',
    'file.choose': 'Choisir un fichier', 'file.take': 'Choisir ou prendre une photo', 'file.none': 'Aucun fichier choisi',
    'field.inspectionDate': 'Date du contrôle', 'field.nextDue': 'Prochain contrôle avant le',
    'check.vin': 'VIN lu sur le véhicule (facultatif, 17 caractères)',
    'check.purposeTextRequired': 'Précisez le motif (obligatoire avec « Autre »).',
    'result.details': 'Détails des vérifications ({0})', 'result.problems': 'Points d’attention',
    'confirm.option': '{0} — confiance {1} %',
    'tools.stolenPending': 'Signalement transmis : il prendra effet après validation d’un administrateur.',
    'owner.shareCheck': 'Contrôler mon véhicule et créer le lien',
    'owner.shareWait': 'Contrôle du véhicule et préparation du rapport…',
    'owner.shareNotReady': 'Le rapport n’est pas encore prêt. Réessayez dans un instant.',
    'owner.shareLinks': 'Liens partagés', 'owner.shareOpen': 'ouvert', 'owner.shareClosed': 'fermé',
    'owner.shareExpires': 'expire le {0}', 'owner.shareNone': 'Aucun lien partagé.',
    'owner.consultationKind': 'Consultation', 'owner.claimMismatches': 'À vérifier : {0}',
    'admin.purposeLead': 'Chaque consultation des données d’un titulaire est enregistrée avec son motif.',
    'admin.moreThan': 'plus de {0}', 'admin.fraudSignals': 'Signaux de fraude', 'admin.latency': 'Latence (p50 / p95 / max)',
    'admin.inspectionResult': 'Résultat du contrôle technique', 'admin.proposal': 'Proposition de la lecture',
    'admin.file': 'Ouvrir le fichier', 'admin.flags': 'Incohérences relevées', 'admin.editLead': 'Ouvrez la fiche par sa plaque (avec un motif) pour la modifier.',
    'admin.noFile': 'Aucun fichier (document importé).',
    'admin.byRole': 'Par rôle', 'admin.byChannel': 'Par canal',
    // capture time, my checks, VIN photo (issue #11)
    'result.capturedAt': 'Constaté le {0} (envoyé plus tard depuis la file hors ligne)',
    'footer': 'Une recherche publique ne montre que les données publiques d’un véhicule. Chaque consultation est enregistrée.',
  },
  en: {
    'app.title': 'Autochec — vehicle check',
    'app.tagline': 'Check a vehicle from its licence plate',
    'nav.menu': 'Menu', 'nav.home': 'Home', 'nav.check': 'Check', 'nav.history': 'My checks', 'nav.queue': 'Offline queue',
    'nav.tools': 'Report / propose', 'nav.vehicles': 'My vehicles', 'nav.notifications': 'Notifications',
    'nav.consultations': 'Consultations', 'nav.proposals': 'Proposals', 'nav.claim': 'Claim a vehicle', 'nav.admin': 'Dashboard',
    'nav.adminDocuments': 'Documents', 'nav.adminProposals': 'Proposals', 'nav.adminClaims': 'Claims', 'nav.adminVehicles': 'Vehicles',
    'nav.adminImport': 'CSV import', 'nav.adminAgents': 'Agents', 'nav.adminAudit': 'Audit', 'nav.verify': 'Verify a report',
    'nav.main': 'Main navigation', 'skip': 'Skip to content',
    'auth.login': 'Log in', 'auth.logout': 'Log out', 'auth.register': 'Create an account', 'auth.failed': 'Log-in failed: {0}',
    'auth.state': 'unexpected state, try again.', 'auth.expired': 'Your session has expired. Log in again.',
    'auth.needed': 'Log in to open this page.', 'auth.forbidden': 'This page is for another role.',
    'lang.switch': 'Français', 'lang.short': 'FR', 'lang.switchLabel': 'Passer en français',
    'net.offline': 'Offline: checks are queued and sent when the network returns.',
    'landing.h1': 'Check a vehicle',
    'landing.lead': 'Autochec identifies a vehicle from its licence plate, typed or photographed, and tells whether its insurance, technical inspection and taxes are in order and whether it is reported stolen.',
    'landing.who': 'For buyers, police, garages, insurers and owners. A public lookup never shows personal data.',
    'landing.what1': 'Specifications: make, model, year, colour, fuel', 'landing.what2': 'Insurance, technical inspection, taxes',
    'landing.what3': 'Stolen report and administrative status', 'landing.verifyLink': 'Verify that a PDF report is genuine',
    'landing.register': 'An owner? Create an account to follow your vehicles and their due dates.',
    'check.typed': 'Type the plate', 'check.photo': 'Take a photo', 'check.plate': 'Licence plate',
    'check.plateHint': 'For example AB-123-CD or 123 ABC 75', 'check.submit': 'Check',
    'check.photoLabel': 'Photo of the plate (JPEG, PNG or WebP, up to 10 MB)', 'check.photoSubmit': 'Send the photo',
    'check.camera': 'Open the camera', 'check.capture': 'Take the photo', 'check.cameraClose': 'Close the camera',
    'check.cameraGuide': 'Fit the plate in the frame', 'check.preview': 'Photo preview', 'check.photoTooLarge': 'The photo is larger than 10 MB.',
    'check.purpose': 'Purpose of the check', 'check.context': 'Context of the check', 'check.purposeChoose': '— Choose a purpose —', 'check.purposeText': 'Describe the purpose',
    'check.purposeRequired': 'Agents must state a purpose.', 'check.observed': 'What you see (optional)',
    'check.observedMake': 'Observed make', 'check.observedColour': 'Observed colour', 'check.location': 'Attach my location',
    'check.locationOk': 'Location attached ({0}, {1}).', 'check.locationFailed': 'Location unavailable.',
    'check.vinPhoto': 'Photo of the VIN (optional)',
    'check.queued': 'No network: the check is kept in the queue and will be sent when the network returns.',
    'progress.title': 'Progress', 'progress.RECEIVED': 'Photo received', 'progress.READING': 'Reading the plate',
    'progress.VERIFYING': 'Verifying', 'progress.COMPLETED': 'Done', 'progress.NEEDS_CONFIRMATION': 'Confirmation needed',
    'progress.FAILED': 'Failed', 'progress.PENDING': 'Waiting',
    'confirm.title': 'Uncertain reading: confirm the plate', 'confirm.lead': 'Pick the plate that was read or type it.',
    'confirm.registered': 'registered', 'confirm.notRegistered': 'not registered', 'confirm.button': 'Confirm', 'confirm.other': 'Another plate',
    'result.title': 'Result', 'result.check': 'check {0}', 'result.reasons': 'Reasons', 'result.vehicle': 'Vehicle',
    'result.documents': 'Documents', 'result.status': 'Status', 'result.read': 'Read from the photo: {0} (confidence {1} %)',
    'result.reading': 'Reading the photo…', 'result.noReasons': 'Nothing to report.', 'result.report': 'Download the report (PDF)',
    'result.reportWait': 'Preparing…', 'result.reportNotReady': 'The report is not ready yet. Try again in a moment.',
    'result.reportDone': 'Downloaded.', 'result.share': 'Share', 'result.shared': 'Link copied.',
    'result.stillReading': 'Still reading the photo. Try again later.',
    'flag.insured': 'Insured', 'flag.inspection': 'Technical inspection valid', 'flag.tax': 'Taxes paid', 'flag.stolen': 'Reported stolen',
    'flag.yes': 'yes', 'flag.no': 'no', 'flag.unknown': 'unknown',
    'doc.validUntil': 'valid until {0}', 'doc.invalidUntil': 'not valid (due {0})', 'doc.invalid': 'not valid', 'doc.valid': 'valid',
    'field.plate': 'Plate', 'field.make': 'Make', 'field.model': 'Model', 'field.variant': 'Variant', 'field.year': 'Year',
    'field.colour': 'Colour', 'field.category': 'Category', 'field.fuel': 'Fuel', 'field.firstRegistration': 'First registration',
    'field.vin': 'VIN', 'field.fiscalPower': 'Fiscal power (CV)', 'field.powerKw': 'Power (kW)', 'field.stolen': 'Reported stolen',
    'field.owner': 'Holder', 'field.ownerTown': 'Holder\'s town', 'field.ownerAddress': 'Holder\'s address', 'field.ownerEmail': 'Holder\'s e-mail',
    'field.ownerKind': 'Holder kind', 'field.mileage': 'Mileage', 'field.type': 'Type', 'field.status': 'Status',
    'field.validFrom': 'Valid from', 'field.validUntil': 'Valid until', 'field.issuer': 'Issuer', 'field.reference': 'Reference',
    'field.date': 'Date', 'field.organisation': 'Organisation', 'field.purpose': 'Purpose', 'field.verdict': 'Verdict',
    'field.action': 'Action', 'field.user': 'User', 'field.value': 'New value', 'field.current': 'Current value',
    'field.justification': 'Justification', 'field.field': 'Field', 'field.reason': 'Reason for rejection', 'field.name': 'Name',
    'field.kind': 'Kind', 'field.active': 'Active', 'field.username': 'Username', 'field.email': 'E-mail', 'field.firstName': 'First name',
    'field.lastName': 'Last name', 'field.role': 'Role', 'field.channel': 'Channel', 'field.count': 'Count', 'field.file': 'File',
    'field.from': 'From', 'field.to': 'To', 'field.source': 'Source', 'field.confidence': 'Confidence', 'field.sequence': 'No.',
    'field.requestedAt': 'Requested at', 'field.message': 'Message', 'field.read': 'Value read', 'field.line': 'Line', 'field.vinLast4': 'Last 4 characters of the VIN',
    'field.certificate': 'Registration certificate number', 'field.days': 'Duration (days)',
    'queue.title': 'Offline queue', 'queue.empty': 'No check waiting.', 'queue.lead': 'Checks made without network, sent automatically when it returns, with their original time.',
    'queue.send': 'Send now', 'queue.remove': 'Remove', 'queue.typed': 'Plate {0}', 'queue.photoItem': 'Photo',
    'queue.sent': '{0} check(s) sent from the queue.', 'queue.count': '{0} waiting',
    'history.title': 'My checks', 'history.lead': 'Checks made from this device.', 'history.empty': 'No check yet.', 'history.open': 'Open',
    'tools.title': 'Report, upload, propose', 'tools.stolen': 'Report a stolen vehicle',
    'tools.stolenLead': 'A police report takes effect at once; others wait for an administrator.', 'tools.stolenDone': 'Report recorded.',
    'tools.stolenConfirm': 'Report this vehicle stolen', 'tools.upload': 'Upload a document',
    'tools.uploadDone': 'Document uploaded: waiting for validation.', 'tools.proposal': 'Propose a correction',
    'tools.proposalDone': 'Proposal sent: waiting for approval.', 'tools.documentFile': 'Document (photo or PDF)', 'tools.documentType': 'Document type',
    'owner.vehicles': 'My vehicles', 'owner.noVehicles': 'No vehicle is linked to your account.', 'owner.claimCta': 'Claim a vehicle',
    'owner.details': 'Open', 'owner.documents': 'Documents', 'owner.noDocuments': 'No document.', 'owner.upload': 'Add a document',
    'owner.consultations': 'Who consulted my vehicles', 'owner.noConsultations': 'No consultation recorded.',
    'owner.publicCount': '{0} public lookup(s)', 'owner.lawEnforcement': 'law enforcement', 'owner.share': 'Share a report with a buyer',
    'owner.shareLead': 'Create a time-limited, revocable link to your vehicle\'s report.', 'owner.shareCreate': 'Create the link',
    'owner.shareRevoke': 'Revoke', 'owner.shareLink': 'Link to send', 'owner.notifications': 'Notifications',
    'owner.noNotifications': 'No notification.', 'owner.markRead': 'Mark as read', 'owner.unread': 'unread', 'owner.preferences': 'Preferences',
    'owner.prefInApp': 'In the app', 'owner.prefEmail': 'By e-mail', 'owner.prefSave': 'Save', 'owner.prefSaved': 'Preferences saved.',
    'owner.proposals': 'My proposals', 'owner.noProposals': 'No proposal.', 'owner.claim': 'Claim a vehicle',
    'owner.claimLead': 'Give the plate, the last 4 characters of the VIN and the registration certificate number. When all match, the vehicle is linked at once; otherwise an administrator checks.',
    'owner.claimDone': 'Claim recorded: {0}.', 'owner.claims': 'My claims',
    'admin.dashboard': 'Dashboard', 'admin.pendingDocuments': 'Documents to validate', 'admin.pendingProposals': 'Proposals to review',
    'admin.pendingClaims': 'Claims to review', 'admin.statistics': 'Statistics', 'admin.checksPerDay': 'Checks per day',
    'admin.topReasons': 'Most frequent reasons', 'admin.readingRate': 'Photo reading success', 'admin.p95': 'p95 latency',
    'admin.none': 'Nothing waiting.', 'admin.validate': 'Validate', 'admin.reject': 'Reject', 'admin.approve': 'Approve',
    'admin.extracted': 'Fields read', 'admin.mismatches': 'Mismatches', 'admin.confirmDates': 'Confirmed dates', 'admin.image': 'Document image',
    'admin.done': 'Decision recorded.', 'admin.search': 'Search', 'admin.vehicleSearch': 'Vehicles and holders', 'admin.import': 'CSV import',
    'admin.importVehicles': 'Vehicles', 'admin.importDocuments': 'Documents', 'admin.importKind': 'File content', 'admin.importRun': 'Import',
    'admin.importRunning': 'Importing…', 'admin.importResult': '{0} created, {1} updated, {2} unchanged, {3} error(s).',
    'admin.organisations': 'Organisations', 'admin.agents': 'Agents', 'admin.createOrg': 'Create an organisation', 'admin.createAgent': 'Create an agent',
    'admin.disable': 'Disable', 'admin.enable': 'Enable', 'admin.created': 'Created.', 'admin.audit': 'Audit log',
    'admin.auditExport': 'Export as CSV', 'admin.auditVerify': 'Verify the chain', 'admin.chainValid': 'Chain intact ({0} entries).',
    'admin.chainBroken': 'Chain broken at entry {0}.', 'admin.results': '{0} result(s)', 'admin.prev': 'Previous', 'admin.next': 'Next',
    'admin.edit': 'Edit', 'admin.saved': 'Saved.', 'admin.save': 'Save',
    'verify.title': 'Verify a report', 'verify.lead': 'Drop an Autochec PDF report to learn whether it is genuine and unaltered. The report\'s QR code also leads to its verification page.',
    'verify.file': 'PDF report (up to 5 MB)', 'verify.submit': 'Verify', 'verify.id': 'Or type the report id', 'verify.open': 'Open the verification page',
    'verify.GENUINE': 'Genuine', 'verify.ALTERED': 'Altered', 'verify.UNKNOWN': 'Unknown', 'verify.signed': 'Valid signature',
    'verify.whole': 'Signature covers the whole file',
    'error.title': 'Error', 'error.network': 'Network unavailable', 'error.networkDetail': 'The server does not answer. Check the connection.',
    'error.status': 'Error {0}', 'error.retryAfter': '(retry in {0} s)',
    'unavailable.title': 'Service unavailable', 'unavailable.detail': 'This service is not available right now. Try again later.',
    'common.loading': 'Loading…', 'common.send': 'Send', 'common.cancel': 'Cancel', 'common.close': 'Close', 'common.yes': 'yes',
    'common.no': 'no', 'common.none': '—', 'common.optional': 'optional', 'common.refresh': 'Refresh', 'common.notFound': 'Page not found.',
    'common.all': 'All',
    'file.choose': 'Choose a file', 'file.take': 'Choose or take a photo', 'file.none': 'No file chosen',
    'field.inspectionDate': 'Inspection date', 'field.nextDue': 'Next inspection due',
    'check.vin': 'VIN read on the vehicle (optional, 17 characters)',
    'check.purposeTextRequired': 'Say why (required with "Other").',
    'result.details': 'Details of the checks ({0})', 'result.problems': 'Points of attention',
    'confirm.option': '{0} — confidence {1} %',
    'tools.stolenPending': 'Report sent: it takes effect once an administrator approves it.',
    'owner.shareCheck': 'Check my vehicle and create the link',
    'owner.shareWait': 'Checking the vehicle and preparing the report…',
    'owner.shareNotReady': 'The report is not ready yet. Try again in a moment.',
    'owner.shareLinks': 'Shared links', 'owner.shareOpen': 'open', 'owner.shareClosed': 'closed',
    'owner.shareExpires': 'expires on {0}', 'owner.shareNone': 'No shared link.',
    'owner.consultationKind': 'Consultation', 'owner.claimMismatches': 'To check: {0}',
    'admin.purposeLead': 'Every look at a holder\'s data is recorded with its purpose.',
    'admin.moreThan': 'more than {0}', 'admin.fraudSignals': 'Fraud signals', 'admin.latency': 'Latency (p50 / p95 / max)',
    'admin.inspectionResult': 'Inspection result', 'admin.proposal': 'What the reading proposes',
    'admin.file': 'Open the file', 'admin.flags': 'Inconsistencies found', 'admin.editLead': 'Open the record by its plate (with a purpose) to edit it.',
    'admin.noFile': 'No file (imported document).',
    'admin.byRole': 'By role', 'admin.byChannel': 'By channel',
    // capture time, my checks, VIN photo (issue #11)
    'result.capturedAt': 'Observed on {0} (sent later from the offline queue)',
    'footer': 'A public lookup shows only a vehicle\'s public data. Every lookup is recorded.',
  },
};

// Codes the API returns, per family: [French, English].
const CODES = {
  verdict: {
    OK: ['Conforme', 'OK'], WARNING: ['À vérifier', 'Warning'], FAIL: ['Non conforme', 'Fail'],
    NOT_FOUND: ['Inconnu au fichier', 'Not in the registry'], UNREADABLE: ['Plaque illisible', 'Plate unreadable'],
    PENDING: ['En cours', 'In progress'], NEEDS_CONFIRMATION: ['À confirmer', 'To confirm'], FAILED: ['Échec', 'Failed'],
    NOT_REGISTERED: ['Non immatriculé en France', 'Not registered in France'],
  },
  reason: {
    INSURANCE_MISSING: ['Aucune assurance connue', 'No insurance on record'],
    INSURANCE_EXPIRED: ['Assurance expirée', 'Insurance expired'],
    INSURANCE_EXPIRING_SOON: ['Assurance bientôt expirée', 'Insurance expiring soon'],
    INSURANCE_VALID: ['Assurance valide', 'Insurance valid'], INSURANCE_UNKNOWN: ['Assurance : situation inconnue', 'Insurance status unknown'],
    INSPECTION_MISSING: ['Aucun contrôle technique connu', 'No technical inspection on record'],
    INSPECTION_EXPIRED: ['Contrôle technique dépassé', 'Technical inspection overdue'],
    INSPECTION_UNFAVOURABLE: ['Contrôle technique défavorable', 'Technical inspection failed'],
    INSPECTION_DUE_SOON: ['Contrôle technique à faire sous 30 jours', 'Technical inspection due within 30 days'],
    INSPECTION_NOT_DUE: ['Contrôle technique pas encore exigé', 'Technical inspection not yet due'],
    INSPECTION_OVERDUE: ['Contrôle technique dépassé', 'Technical inspection overdue'],
    COUNTER_VISIT: ['Contre-visite à effectuer', 'Re-inspection pending'],
    COUNTER_VISIT_PENDING: ['Contre-visite à effectuer', 'Re-inspection pending'],
    ROAD_TAX_UNPAID: ['Taxes non payées', 'Taxes unpaid'], TAX_UNPAID: ['Taxes non payées', 'Taxes unpaid'],
    REPORTED_STOLEN: ['Véhicule signalé volé', 'Vehicle reported stolen'],
    DOCUMENT_PLATE_MISMATCH: ['Un document porte une autre plaque', 'A document names another plate'],
    VEHICLE_NOT_FOUND: ['Plaque inconnue au fichier', 'Plate not in the registry'],
    NOT_FOUND: ['Plaque inconnue au fichier', 'Plate not in the registry'],
    PLATE_NOT_REGISTERED: ['Plaque non immatriculée en France', 'Plate not registered in France'],
    PLATE_UNREADABLE: ['Plaque illisible sur la photo', 'Plate unreadable on the photo'],
    NO_VALID_PLATE: ['Aucune plaque valide lue', 'No valid plate read'], NO_CANDIDATE: ['Aucune plaque lue', 'No plate read'],
    READING_TIMEOUT: ['La lecture de la photo a expiré', 'Reading the photo timed out'],
    ATTRIBUTES_MISMATCH: ['Le véhicule observé ne correspond pas au fichier', 'The observed vehicle differs from the registry'],
    COLOUR_MISMATCH: ['Couleur différente du fichier', 'Colour differs from the registry'],
    MAKE_MISMATCH: ['Marque différente du fichier', 'Make differs from the registry'],
    PLATE_ON_TWO_VEHICLES: ['Même plaque vue sur deux véhicules', 'One plate seen on two vehicles'],
    IMPOSSIBLE_TRAVEL: ['Déplacement impossible entre deux contrôles', 'Impossible travel between two checks'],
    VIN_MISMATCH: ['VIN différent du fichier', 'VIN differs from the registry'],
    GAGE: ['Gage inscrit', 'Lien registered'], OPPOSITION: ['Opposition inscrite', 'Opposition registered'],
    CERTIFICATE_LOST: ['Certificat déclaré perdu ou volé', 'Certificate reported lost or stolen'],
    DESTROYED: ['Véhicule détruit', 'Vehicle destroyed'], EXPORTED: ['Véhicule exporté', 'Vehicle exported'],
    TEMPORARY_PLATE_EXPIRED: ['Plaque WW expirée', 'Temporary WW plate expired'],
    STATUS_GAGE: ['Gage inscrit', 'Lien registered'], STATUS_OPPOSITION: ['Opposition inscrite', 'Opposition registered'],
    STATUS_CERTIFICATE_STOLEN: ['Certificat d’immatriculation déclaré volé', 'Registration certificate reported stolen'],
    STATUS_CERTIFICATE_LOST: ['Certificat d’immatriculation déclaré perdu', 'Registration certificate reported lost'],
    STATUS_DESTROYED: ['Véhicule déclaré détruit', 'Vehicle declared destroyed'], STATUS_EXPORTED: ['Véhicule exporté', 'Vehicle exported'],
    INSPECTION_NOT_YET_DUE: ['Premier contrôle technique pas encore exigé', 'First technical inspection not yet due'],
    INSPECTION_VALID: ['Contrôle technique à jour', 'Technical inspection up to date'],
    INSPECTION_COUNTER_VISIT_PENDING: ['Contre-visite à effectuer', 'Re-inspection pending'],
    INSPECTION_FAILED: ['Contrôle technique défavorable', 'Technical inspection failed'],
    INSPECTION_UNKNOWN: ['Contrôle technique : situation inconnue', 'Technical inspection status unknown'],
    TAX_PAID: ['Taxes payées', 'Taxes paid'], TAX_ANNUAL_UNPAID: ['Taxe annuelle non payée (véhicule de société)', 'Annual tax unpaid (company vehicle)'],
    PLATE_FORMAT_VALID: ['Format de plaque valide', 'Valid plate format'],
    PLATE_NOT_ISSUABLE: ['Plaque jamais attribuée (lettres non autorisées)', 'Plate never issued (letters not allowed)'],
    PLATE_GARAGE: ['Plaque garage (W)', 'Garage plate (W)'],
    PLATE_TEMPORARY: ['Plaque temporaire (WW) en cours de validité', 'Temporary plate (WW) still valid'],
    PLATE_TEMPORARY_EXPIRED: ['Plaque temporaire (WW) expirée', 'Temporary plate (WW) expired'],
    PLATE_FORMAT_INVALID: ['Plaque au format non français dans le fichier', 'The registry holds a plate of no French format'],
    REGISTRATION_CONSISTENT: ['Certificat d’immatriculation cohérent avec le fichier', 'Registration certificate agrees with the registry'],
    REGISTRATION_MISMATCH: ['Le certificat d’immatriculation ne correspond pas au véhicule', 'The registration certificate names another vehicle'],
    ATTRIBUTES_COLOUR_MISMATCH: ['Couleur observée différente du fichier', 'Observed colour differs from the registry'],
    ATTRIBUTES_MAKE_MISMATCH: ['Marque observée différente du fichier', 'Observed make differs from the registry'],
    PLATE_SEEN_ON_OTHER_VEHICLE: ['Plaque vue récemment sur un autre véhicule', 'Plate recently seen on another vehicle'],
    READING_UNCERTAIN: ['Lecture incertaine : plaque à confirmer', 'Uncertain reading: plate to confirm'],
    PLATE_CONFIRMED: ['Plaque confirmée par l’utilisateur', 'Plate confirmed by the user'],
    CONFIRMATION_TIMEOUT: ['Plaque non confirmée à temps', 'Plate not confirmed in time'],
  },
  severity: { INFO: ['Information', 'Information'], WARNING: ['Avertissement', 'Warning'], FAIL: ['Bloquant', 'Failure'] },
  documentType: {
    REGISTRATION: ['Certificat d’immatriculation', 'Registration certificate'], INSURANCE: ['Assurance', 'Insurance'],
    INSPECTION: ['Contrôle technique', 'Technical inspection'], ROAD_TAX: ['Taxes', 'Taxes'], TAX: ['Taxes', 'Taxes'],
  },
  documentStatus: {
    PENDING: ['En attente de validation', 'Waiting for validation'], VALIDATED: ['Validé', 'Validated'], REJECTED: ['Refusé', 'Rejected'],
  },
  fuel: {
    ESSENCE: ['Essence', 'Petrol'], DIESEL: ['Diesel', 'Diesel'], HYBRIDE: ['Hybride', 'Hybrid'], ELECTRIQUE: ['Électrique', 'Electric'],
    GPL: ['GPL', 'LPG'], GNV: ['GNV', 'CNG'], HYDROGENE: ['Hydrogène', 'Hydrogen'], E85: ['Superéthanol E85', 'E85 ethanol'],
    HYBRIDE_RECHARGEABLE: ['Hybride rechargeable', 'Plug-in hybrid'],
  },
  category: {
    M1: ['Voiture particulière (M1)', 'Passenger car (M1)'], N1: ['Utilitaire léger (N1)', 'Light commercial (N1)'],
    N2: ['Poids lourd (N2)', 'Heavy goods (N2)'], N3: ['Poids lourd (N3)', 'Heavy goods (N3)'],
    L1E: ['Cyclomoteur (L1e)', 'Moped (L1e)'], L3E: ['Motocyclette (L3e)', 'Motorcycle (L3e)'],
    VP: ['Voiture particulière', 'Passenger car'], CTTE: ['Camionnette', 'Van'], MTL: ['Motocyclette légère', 'Light motorcycle'],
    MTT1: ['Motocyclette', 'Motorcycle'], MTT2: ['Motocyclette', 'Motorcycle'],
  },
  purpose: {
    ROADSIDE_CONTROL: ['Contrôle routier', 'Roadside control'], PRE_PURCHASE: ['Avant achat', 'Pre-purchase'],
    INSURANCE_CLAIM: ['Sinistre d’assurance', 'Insurance claim'], FLEET_MANAGEMENT: ['Gestion de flotte', 'Fleet management'],
    OTHER: ['Autre', 'Other'],
  },
  status: {
    PENDING: ['En attente', 'Pending'], APPROVED: ['Approuvée', 'Approved'], REJECTED: ['Refusée', 'Rejected'],
    LINKED: ['Liée', 'Linked'], COMPLETED: ['Terminé', 'Completed'], VALIDATED: ['Validé', 'Validated'], ACTIVE: ['Actif', 'Active'],
    REVOKED: ['Révoqué', 'Revoked'], EXPIRED: ['Expiré', 'Expired'], QUEUED: ['En file', 'Queued'], SENDING: ['Envoi…', 'Sending…'],
    NEEDS_CONFIRMATION: ['À confirmer', 'To confirm'], FAILED: ['Échec', 'Failed'],
    STOLEN: ['Signalé volé', 'Reported stolen'], CLEARED: ['Levé', 'Cleared'],
  },
  role: {
    public: ['Public', 'Public'], owner: ['Propriétaire', 'Owner'], agent: ['Agent', 'Agent'], admin: ['Administrateur', 'Administrator'],
    user: ['Utilisateur', 'User'], PUBLIC: ['Public', 'Public'], OWNER: ['Propriétaire', 'Owner'], AGENT: ['Agent', 'Agent'], ADMIN: ['Administrateur', 'Administrator'],
  },
  source: { TYPED: ['Saisie', 'Typed'], PHOTO: ['Photo', 'Photo'], IMPORT: ['Import', 'Import'], UPLOAD: ['Dépôt', 'Upload'], CT: ['Contrôle technique', 'Inspection'], OWNER: ['Propriétaire', 'Owner'], AGENT: ['Agent', 'Agent'] },
  ownerKind: { PERSON: ['Particulier', 'Person'], COMPANY: ['Société', 'Company'] },
  organisationKind: {
    POLICE: ['Police / gendarmerie', 'Police'], GARAGE: ['Garage', 'Garage'], INSURER: ['Assureur', 'Insurer'],
    RENTAL: ['Loueur', 'Rental company'], OTHER: ['Autre', 'Other'],
  },
  // audit-service's actions: CHECK_PERFORMED and contracts' AuditAction.
  action: {
    CHECK_PERFORMED: ['Contrôle', 'Check'], VEHICLE_VIEWED: ['Consultation du véhicule', 'Vehicle viewed'],
    DOCUMENT_VIEWED: ['Consultation d’un document', 'Document viewed'], VEHICLE_CHANGED: ['Véhicule modifié', 'Vehicle changed'],
    OWNER_CHANGED: ['Titulaire modifié', 'Holder changed'], PROPOSAL_CREATED: ['Proposition déposée', 'Proposal filed'],
    PROPOSAL_DECIDED: ['Proposition traitée', 'Proposal decided'], STOLEN_REPORTED: ['Vol signalé', 'Stolen reported'],
    STOLEN_CLEARED: ['Vol levé', 'Stolen cleared'], DOCUMENT_UPLOADED: ['Document déposé', 'Document uploaded'],
    DOCUMENT_DECIDED: ['Document traité', 'Document decided'], CLAIM_FILED: ['Revendication déposée', 'Claim filed'],
    CLAIM_DECIDED: ['Revendication traitée', 'Claim decided'], ADMIN_ACTION: ['Action d’administration', 'Admin action'],
    REPORT_SHARED: ['Rapport partagé', 'Report shared'], REPORT_SHARE_REVOKED: ['Partage de rapport révoqué', 'Report share revoked'],
    REPORT_OPENED: ['Rapport ouvert', 'Report opened'], REPORT_DOWNLOADED: ['Rapport téléchargé', 'Report downloaded'],
  },
  notification: {
    EXPIRY_30: ['Échéance dans 30 jours', 'Due in 30 days'], EXPIRY_7: ['Échéance dans 7 jours', 'Due in 7 days'],
    EXPIRY_1: ['Échéance demain', 'Due tomorrow'], EXPIRY_0: ['Échéance aujourd’hui', 'Due today'], EXPIRED: ['Expiré', 'Expired'],
    DOCUMENT_VALIDATED: ['Document validé', 'Document validated'], DOCUMENT_REJECTED: ['Document refusé', 'Document rejected'],
    EXPIRY_ALERT: ['Échéance proche', 'Due soon'], DOCUMENT_DECIDED: ['Décision sur un document', 'Document decision'],
  },
  proposalField: {
    colour: ['Couleur', 'Colour'], make: ['Marque', 'Make'], model: ['Modèle', 'Model'], variant: ['Version', 'Variant'],
    vin: ['VIN', 'VIN'], mileage: ['Kilométrage', 'Mileage'], category: ['Catégorie', 'Category'], fuel: ['Énergie', 'Fuel'],
    stolen: ['Signalé volé', 'Reported stolen'], year: ['Année', 'Year'], ownerTown: ['Commune du titulaire', 'Holder\'s town'],
    fiscalPower: ['Puissance fiscale (CV)', 'Fiscal power (CV)'], powerKw: ['Puissance (kW)', 'Power (kW)'],
    firstRegistration: ['Première immatriculation', 'First registration'],
  },
  documentFlag: {
    VIN_MISMATCH: ['VIN différent du véhicule', 'VIN differs from the vehicle'], PLATE_MISMATCH: ['Plaque différente du véhicule', 'Plate differs from the vehicle'],
    HOLDER_MISMATCH: ['Titulaire différent', 'Holder differs'], FIRST_REGISTRATION_MISMATCH: ['Date de première immatriculation différente', 'First registration date differs'],
    DATES_IMPLAUSIBLE: ['Dates invraisemblables', 'Implausible dates'],
  },
  inspectionResult: {
    FAVOURABLE: ['Favorable', 'Favourable'], UNFAVOURABLE: ['Défavorable', 'Unfavourable'], COUNTER_VISIT: ['Contre-visite', 'Counter-visit'],
  },
  claimMismatch: {
    PLATE_UNKNOWN: ['Plaque inconnue', 'Unknown plate'], VIN_MISMATCH: ['VIN différent', 'VIN differs'],
    CERTIFICATE_MISMATCH: ['N° de certificat différent', 'Certificate number differs'],
    HELD_BY_ANOTHER_ACCOUNT: ['Véhicule déjà lié à un autre compte', 'Vehicle held by another account'],
  },
  consultationKind: {
    CHECK: ['Contrôle', 'Check'], VEHICLE_VIEWED: ['Consultation de la fiche', 'Record viewed'], DOCUMENT_VIEWED: ['Consultation d’un document', 'Document viewed'],
  },
  channel: { TYPED: ['Saisie', 'Typed'], PHOTO: ['Photo', 'Photo'] },
  vehicleStatus: {
    NORMAL: ['Normal', 'Normal'], STOLEN: ['Signalé volé', 'Reported stolen'], GAGE: ['Gage', 'Lien'], OPPOSITION: ['Opposition', 'Opposition'],
    CERTIFICATE_LOST: ['Certificat perdu', 'Certificate lost'], CERTIFICATE_STOLEN: ['Certificat volé', 'Certificate stolen'],
    DESTROYED: ['Détruit', 'Destroyed'], EXPORTED: ['Exporté', 'Exported'],
  },
  problem: {
    validation: ['Données invalides', 'Invalid data'], 'malformed-request': ['Requête mal formée', 'Malformed request'],
    unauthorized: ['Connexion requise', 'Log-in required'], forbidden: ['Accès refusé', 'Access denied'],
    'not-found': ['Introuvable', 'Not found'], 'method-not-allowed': ['Opération non permise', 'Operation not allowed'],
    conflict: ['Conflit', 'Conflict'], 'payload-too-large': ['Fichier trop volumineux', 'File too large'],
    'unsupported-media-type': ['Type de fichier non accepté', 'File type not accepted'],
    unprocessable: ['Demande impossible à traiter', 'Request cannot be processed'], 'rate-limited': ['Trop de demandes : patientez', 'Too many requests: wait a moment'],
    unavailable: ['Service indisponible', 'Service unavailable'], internal: ['Erreur interne', 'Internal error'],
    'not-acceptable': ['Format non disponible', 'Format not available'],
  },
  extractedField: {
    policyNumber: ['N° de police', 'Policy number'], validFrom: ['Valable du', 'Valid from'], validUntil: ['Valable jusqu’au', 'Valid until'],
    vin: ['VIN', 'VIN'], plate: ['Plaque', 'Plate'], holderName: ['Titulaire', 'Holder'], holder: ['Titulaire', 'Holder'],
    issuer: ['Émetteur', 'Issuer'], insurer: ['Assureur', 'Insurer'], nextDue: ['Prochain contrôle avant le', 'Next inspection due'],
    inspectionDate: ['Date du contrôle', 'Inspection date'], result: ['Résultat', 'Result'], reference: ['Référence', 'Reference'],
    registrationNumber: ['N° de certificat', 'Certificate number'], firstRegistration: ['Première immatriculation', 'First registration'],
    make: ['Marque', 'Make'], model: ['Modèle', 'Model'], issueDate: ['Date d’émission', 'Issue date'], expiryDate: ['Date d’expiration', 'Expiry date'],
    startDate: ['Début', 'Start'], endDate: ['Fin', 'End'], taxPaid: ['Taxes payées', 'Taxes paid'],
    VALID_FROM: ['Valable du', 'Valid from'], VALID_UNTIL: ['Valable jusqu’au', 'Valid until'], POLICY_NUMBER: ['N° de police', 'Policy number'],
    INSURER: ['Assureur', 'Insurer'], INSPECTION_DATE: ['Date du contrôle', 'Inspection date'], NEXT_DUE: ['Prochain contrôle avant le', 'Next inspection due'],
    RESULT: ['Résultat', 'Result'], REFERENCE: ['Référence', 'Reference'], CENTRE: ['Centre de contrôle', 'Inspection centre'],
    FIRST_REGISTRATION: ['Première immatriculation', 'First registration'], PLATE: ['Plaque', 'Plate'], VIN: ['VIN', 'VIN'],
    HOLDER: ['Titulaire', 'Holder'], HOLDER_NAME: ['Titulaire', 'Holder'], REGISTRATION_NUMBER: ['N° de certificat', 'Certificate number'],
    MAKE: ['Marque', 'Make'], MODEL: ['Modèle', 'Model'],
  },
  plateKind: {
    SIV: ['SIV', 'SIV'], SIV_TEMPORARY: ['SIV temporaire (WW)', 'Temporary SIV (WW)'], GARAGE: ['Garage (W)', 'Garage (W)'],
    FNI: ['FNI (ancien format)', 'FNI (old format)'], FNI_OVERSEAS: ['FNI outre-mer', 'FNI overseas'],
    FOREIGN_OR_UNKNOWN: ['Étrangère ou inconnue', 'Foreign or unknown'],
  },
};

let lang = 'fr';

export function initLanguage() {
  const saved = localStorage.getItem('autochec.lang');
  lang = saved === 'en' ? 'en' : 'fr';
  document.documentElement.lang = lang;
  return lang;
}

export function currentLanguage() { return lang; }

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'fr';
  localStorage.setItem('autochec.lang', lang);
  document.documentElement.lang = lang;
}

/** The screen text under key, with {0}, {1}… replaced by args. */
export function t(key, ...args) {
  const text = STRINGS[lang][key] ?? STRINGS.fr[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => (args[i] === undefined || args[i] === null ? '' : String(args[i])));
}

/** The words for an API code of a family; an unknown code becomes readable words, never the raw code. */
export function codeLabel(family, code) {
  if (code === null || code === undefined || code === '') return t('common.none');
  const table = CODES[family] || {};
  const key = String(code);
  const entry = table[key] || table[key.toUpperCase()];
  if (entry) return entry[lang === 'en' ? 1 : 0];
  const words = key.replace(/[_-]+/g, ' ').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function codes(family) { return Object.keys(CODES[family] || {}); }

const LOCALE = () => (lang === 'en' ? 'en-GB' : 'fr-FR');

export function formatDate(value) {
  if (!value) return t('common.none');
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T00:00:00') : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString(LOCALE(), { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(value) {
  if (!value) return t('common.none');
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(LOCALE(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatNumber(value) {
  return typeof value === 'number' ? value.toLocaleString(LOCALE()) : String(value ?? t('common.none'));
}

/** A reason's words: the dictionary's label for its code (every code of docs/rules.md is there), else the API's message. */
export function reasonText(reason) {
  if (typeof reason === 'string') return codeLabel('reason', reason);
  if (reason.code && CODES.reason[reason.code]) return codeLabel('reason', reason.code);
  return reasonDetail(reason) || codeLabel('reason', reason.code);
}

/** The API's own message of a reason in the page's language (with its dates and deadlines), or null. */
export function reasonDetail(reason) {
  if (!reason || typeof reason === 'string') return null;
  if (lang === 'fr') return reason.messageFr || null;
  return reason.message || reason.messageEn || null;
}
