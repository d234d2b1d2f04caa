/**
 * Licences by SPDX identifier: their names and canonical addresses, for rights statements in
 * DataCite and other exports. Identifiers not listed still get the SPDX page as their address.
 */
export interface LicenceInfo {
  id: string;
  name: string;
  url: string;
}

const KNOWN: ReadonlyArray<[string, string, string]> = [
  [
    'CC-BY-4.0',
    'Creative Commons Attribution 4.0 International',
    'https://creativecommons.org/licenses/by/4.0/legalcode',
  ],
  [
    'CC-BY-SA-4.0',
    'Creative Commons Attribution Share Alike 4.0 International',
    'https://creativecommons.org/licenses/by-sa/4.0/legalcode',
  ],
  [
    'CC-BY-NC-4.0',
    'Creative Commons Attribution Non Commercial 4.0 International',
    'https://creativecommons.org/licenses/by-nc/4.0/legalcode',
  ],
  [
    'CC0-1.0',
    'Creative Commons Zero v1.0 Universal',
    'https://creativecommons.org/publicdomain/zero/1.0/legalcode',
  ],
  ['MIT', 'MIT License', 'https://opensource.org/licenses/MIT'],
  ['Apache-2.0', 'Apache License 2.0', 'https://www.apache.org/licenses/LICENSE-2.0'],
  [
    'GPL-3.0-or-later',
    'GNU General Public License v3.0 or later',
    'https://www.gnu.org/licenses/gpl-3.0-standalone.html',
  ],
  [
    'GPL-3.0-only',
    'GNU General Public License v3.0 only',
    'https://www.gnu.org/licenses/gpl-3.0-standalone.html',
  ],
  [
    'LGPL-3.0-or-later',
    'GNU Lesser General Public License v3.0 or later',
    'https://www.gnu.org/licenses/lgpl-3.0-standalone.html',
  ],
  [
    'BSD-3-Clause',
    'BSD 3-Clause "New" or "Revised" License',
    'https://opensource.org/licenses/BSD-3-Clause',
  ],
];

const BY_ID = new Map(KNOWN.map(([id, name, url]) => [id.toLowerCase(), { id, name, url }]));

export function licenceInfo(spdxId: string): LicenceInfo {
  return (
    BY_ID.get(spdxId.toLowerCase()) ?? {
      id: spdxId,
      name: spdxId,
      url: `https://spdx.org/licenses/${spdxId}.html`,
    }
  );
}
