/**
 * The security thesaurus: the words customers' questionnaires use for one thing, each group read as
 * one term before matching. "Do you enforce 2FA?" and "Is multi-factor authentication required?" then
 * share their most telling term, `mfa`, with an answer that says "MFA". Longer phrases are replaced
 * first, so that "business continuity plan" is not read as "business" and "plan".
 *
 * Each group's first item is the term it becomes. Items are lower case, matched on word boundaries;
 * `-`, `/` and spaces inside an item match any of the three. docs/questionnaires.md lists the groups.
 */
export const thesaurus: readonly (readonly string[])[] = [
  ['mfa', 'multi-factor authentication', 'multifactor authentication', 'multi factor authentication', 'multi-factor', 'multifactor', 'two-factor authentication', 'two factor authentication', 'two-factor', '2-factor', '2fa', '2-step verification', 'two-step verification', 'second factor', 'one-time password', 'otp', 'totp', 'fido2', 'security key', 'hardware token'],
  ['sso', 'single sign-on', 'single sign on', 'single-sign-on', 'saml', 'oidc', 'openid connect', 'identity provider', 'idp', 'federated login', 'federated authentication', 'okta', 'azure ad', 'entra id'],
  ['pentest', 'third-party penetration test', 'third-party penetration tests', 'penetration testing', 'penetration test', 'penetration tests', 'pen testing', 'pen test', 'pen-test', 'pentests', 'ethical hacking', 'red team', 'red teaming'],
  ['bcdr', 'business continuity and disaster recovery', 'business continuity', 'disaster recovery', 'bc/dr', 'bcp', 'drp', 'continuity plan', 'recovery plan', 'resilience plan'],
  ['rto', 'recovery time objective', 'recovery time objectives'],
  ['rpo', 'recovery point objective', 'recovery point objectives'],
  ['sast', 'static application security testing', 'static analysis', 'static code analysis', 'code scanning', 'codeql', 'semgrep'],
  ['dast', 'dynamic application security testing', 'dynamic analysis', 'dynamic scanning', 'web application scanning'],
  ['sca', 'software composition analysis', 'dependency scanning', 'open source dependencies', 'third-party libraries', 'dependabot'],
  ['dpa', 'data processing agreement', 'data processing addendum', 'data processing agreements', 'article 28', 'art. 28', 'art 28', 'processor agreement'],
  ['scc', 'standard contractual clauses', 'sccs', 'transfer mechanism', 'transfer mechanisms', 'international transfers', 'international data transfers', 'cross-border transfers', 'cross-border data transfers', 'data transfers outside', 'transfer impact assessment'],
  ['edr', 'endpoint detection and response', 'endpoint detection', 'anti-malware', 'antimalware', 'anti-virus', 'antivirus', 'malware protection', 'virus protection', 'xdr', 'crowdstrike'],
  ['siem', 'security information and event management', 'log aggregation', 'centralised logging', 'centralized logging', 'central logging', 'log management', 'security monitoring'],
  ['waf', 'web application firewall'],
  ['ddos', 'distributed denial of service', 'denial of service', 'denial-of-service', 'dos attacks'],
  ['subprocessor', 'sub-processor', 'sub-processors', 'subprocessors', 'subcontractor', 'subcontractors', 'sub-contractor', 'sub-contractors', 'fourth party', 'fourth parties', 'fourth-party'],
  ['vendor', 'vendors', 'supplier', 'suppliers', 'third party', 'third parties', 'third-party', 'service provider', 'service providers'],
  ['encryption-at-rest', 'encryption at rest', 'encrypted at rest', 'data at rest', 'at rest', 'disk encryption', 'storage encryption', 'aes-256', 'aes 256'],
  ['encryption-in-transit', 'encryption in transit', 'encrypted in transit', 'data in transit', 'in transit', 'tls', 'ssl', 'https', 'transport layer security'],
  ['kms', 'key management', 'key management system', 'key management service', 'encryption keys', 'cryptographic keys', 'key rotation', 'rotate keys', 'hsm', 'hardware security module'],
  ['byok', 'bring your own key', 'bring-your-own-key', 'customer-managed keys', 'customer managed keys', 'customer-managed encryption keys', 'customer managed encryption keys', 'cmk', 'hyok', 'hold your own key', 'own encryption keys', 'their own keys', 'own keys'],
  ['annual', 'annually', 'yearly', 'once a year', 'every year', 'each year', 'every twelve months', 'every 12 months', 'at least annually', 'at least once a year'],
  ['internal-audit', 'internal audit', 'internal audits', 'internal auditor', 'control testing', 'controls testing', 'testing of controls', 'compliance monitoring', 'self-assessment', 'self assessment'],
  ['vuln-scan', 'vulnerability scanning', 'vulnerability scans', 'vulnerability scan', 'vulnerability scanner', 'vulnerability scanners', 'vulnerability assessment', 'vulnerability assessments', 'scanning', 'scans', 'scanned', 'scan', 'scanner'],
  ['patch', 'patch management', 'patching', 'patches', 'patched', 'security patches', 'security updates', 'os updates', 'operating system updates', 'software updates'],
  ['vuln', 'vulnerability management', 'vulnerabilities', 'vulnerability', 'cve', 'cves', 'security flaws', 'weaknesses'],
  ['login', 'log in', 'log-in', 'log on', 'logon', 'sign in', 'sign-in', 'signin', 'sign on'],
  ['incident', 'security incident', 'security incidents', 'incident response', 'incident management', 'incidents', 'security breach', 'data breach', 'breach', 'breaches'],
  ['notify', 'notification', 'notifications', 'notified', 'inform', 'informed', 'alert customers', 'communicate'],
  ['backup', 'backups', 'back-up', 'back-ups', 'back up', 'snapshots', 'snapshot'],
  ['awareness', 'security awareness', 'security training', 'awareness training', 'phishing simulation', 'phishing simulations', 'phishing tests', 'phishing exercises', 'simulated phishing'],
  ['remote-work', 'remote work', 'remote working', 'working remotely', 'work remotely', 'working from home', 'work from home', 'wfh', 'home office', 'home working', 'remote-first', 'remote employees', 'teleworking', 'telework'],
  ['background-check', 'background check', 'background checks', 'background screening', 'pre-employment screening', 'employment screening', 'screening', 'criminal record check', 'vetting'],
  ['offboarding', 'off-boarding', 'termination', 'terminated employees', 'terminated', 'leavers', 'leaver', 'departing employees', 'revoke access', 'access revocation', 'deprovisioning', 'de-provisioning'],
  ['access-review', 'access review', 'access reviews', 'user access review', 'user access reviews', 'access recertification', 'entitlement review', 'entitlement reviews', 'recertification', 'recertify', 'recertified', 'review access', 'access rights reviewed', 'user entitlements', 'entitlements'],
  ['least-privilege', 'least privilege', 'need to know', 'need-to-know', 'role-based access', 'role based access', 'rbac', 'privileged access', 'privileged accounts', 'admin access', 'administrative access'],
  ['password', 'passwords', 'passphrase', 'passphrases', 'password policy', 'credentials'],
  ['logging', 'logs', 'log', 'audit logs', 'audit log', 'audit trail', 'audit trails', 'event logging'],
  ['retention', 'retain', 'retained', 'kept for', 'keep', 'stored for'],
  ['deletion', 'delete', 'deleted', 'erase', 'erasure', 'purge', 'disposal', 'dispose', 'destroy', 'destruction', 'data removal'],
  ['gdpr', 'general data protection regulation', 'uk gdpr', 'eu gdpr', 'data protection law', 'data protection laws'],
  ['dpo', 'data protection officer'],
  ['privacy', 'personal data', 'personally identifiable information', 'pii', 'personal information'],
  ['iso27001', 'iso 27001', 'iso/iec 27001', 'iso27001:2022', 'iso 27001:2022', 'isms certification'],
  ['soc2', 'soc 2', 'soc ii', 'soc2 type ii', 'soc 2 type ii', 'soc 2 type 2', 'type ii report'],
  ['audit', 'audits', 'audited', 'independent audit', 'external audit', 'third-party audit', 'assessment', 'assessments', 'assess', 'assessed', 'assessing', 'due diligence', 'evaluate', 'evaluated', 'evaluation'],
  ['enforce', 'enforced', 'enforces', 'enforcing', 'mandatory', 'required', 'requires', 'require', 'compulsory', 'obligatory'],
  ['workforce', 'employees', 'employee', 'staff', 'personnel', 'workers', 'team members', 'contractors', 'contractor'],
  ['certification', 'certifications', 'certified', 'certificate', 'certificates', 'attestation', 'attestations', 'accreditation'],
  ['policy', 'policies', 'information security policy', 'security policy', 'security policies'],
  ['risk-assessment', 'risk assessment', 'risk assessments', 'risk analysis', 'risk register', 'risk management'],
  ['change-management', 'change management', 'change control', 'change approval', 'code changes', 'deployment approval', 'pull request', 'pull requests', 'peer review', 'code review', 'code reviews', 'four-eyes'],
  ['sdlc', 'secure development', 'secure software development', 'software development lifecycle', 'software development life cycle', 'secure coding', 'devsecops'],
  ['segregation', 'segmentation', 'network segmentation', 'segregated', 'isolated', 'isolation', 'tenant isolation', 'multi-tenant', 'multitenant', 'logical separation'],
  ['firewall', 'firewalls', 'security groups', 'network acl', 'network acls'],
  ['datacenter', 'data center', 'data centre', 'data centers', 'data centres', 'datacentre', 'datacenters', 'hosting facility', 'hosting facilities', 'colocation', 'server room'],
  ['cloud-provider', 'cloud provider', 'cloud providers', 'cloud hosting provider', 'cloud hosting', 'hosting provider', 'cloud service provider', 'csp', 'iaas', 'paas', 'aws', 'amazon web services', 'gcp', 'google cloud', 'microsoft azure', 'azure', 'public cloud', 'shared responsibility'],
  ['physical', 'physical security', 'physical access', 'office security', 'premises'],
  ['mdm', 'mobile device management', 'device management', 'managed devices', 'endpoint management', 'laptops', 'laptop', 'workstations', 'endpoints'],
  ['byod', 'bring your own device', 'personal devices', 'personal device'],
  ['insurance', 'cyber insurance', 'cyber liability insurance', 'insurance coverage'],
  ['bug-bounty', 'bug bounty', 'vulnerability disclosure', 'responsible disclosure', 'security.txt', 'disclosure program', 'disclosure programme'],
  ['asset-inventory', 'asset inventory', 'asset inventories', 'asset register', 'asset registers', 'inventory of assets', 'inventory of information assets', 'inventory of hardware', 'inventory', 'cmdb', 'asset management'],
  ['classification', 'data classification', 'information classification', 'classify', 'classified', 'labelling', 'labeling'],
  ['confidentiality-agreement', 'nda', 'ndas', 'non-disclosure agreement', 'non-disclosure agreements', 'confidentiality agreement', 'confidentiality agreements'],
  ['monitoring', 'monitor', 'monitored', 'alerting', 'alerts', 'detection', 'intrusion detection', 'ids', 'ips', 'guardduty', 'soc', 'security operations centre', 'security operations center', '24x7', '24/7', 'around the clock', 'round the clock', 'mdr', 'managed detection'],
  ['data-residency', 'data residency', 'data location', 'where is data stored', 'data stored', 'hosted', 'hosting region', 'region', 'regions', 'eu'],
];

const key = (phrase: string): string => phrase.toLowerCase().replace(/[\s/-]+/g, ' ');

/** Each phrase (spaces, `-` and `/` alike) to its group's term. */
const termOf: ReadonlyMap<string, string> = new Map(thesaurus.flatMap(([term, ...phrases]) => [term!, ...phrases].map((phrase) => [key(phrase), term!] as const)));

/** One pattern for every phrase (and its plural in `s`), longest first, so that a longer phrase wins over a word inside it. */
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...termOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s/-]+'))
    .join('|')})s?(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The text, lower case, with each thesaurus phrase replaced by its group's term. */
export function canonical(text: string): string {
  return text.toLowerCase().replace(pattern, (match) => ` ${termOf.get(key(match)) ?? termOf.get(key(match).replace(/s$/, '')) ?? match} `);
}

/** Terms the thesaurus produces: kept whole by the tokenizer and never stemmed. */
export const thesaurusTerms: ReadonlySet<string> = new Set(thesaurus.map((g) => g[0]!));
