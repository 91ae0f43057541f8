package auth

import "fmt"

// RolesFile is the JSON form of a roles file: the roles of client
// certificates, by subject common name. A verified certificate whose CN is
// not listed proves a name but grants no role.
type RolesFile struct {
	Certificates []CertificateEntry `json:"certificates"`
}

// CertificateEntry gives the roles of one certificate subject.
type CertificateEntry struct {
	// CN is the certificate's subject common name, which becomes the
	// identity's name.
	CN    string   `json:"cn"`
	Roles []string `json:"roles,omitempty"`
	// Team, if set, adds the role team:<Team>.
	Team string `json:"team,omitempty"`
}

// Roles maps certificate subjects to identities.
type Roles struct {
	byCN map[string]*Identity
}

// ForCertificate returns the identity of a verified client certificate with
// subject common name cn. An unlisted CN is an identity without roles; a CN
// that cannot be a recorded name is no identity.
func (r *Roles) ForCertificate(cn string) (*Identity, bool) {
	if !validName(cn) {
		return nil, false
	}
	if r != nil {
		if id, ok := r.byCN[cn]; ok {
			return id, true
		}
	}
	return &Identity{Name: cn, Via: "certificate"}, true
}

// TeamRefs lists the team roles the file grants certificates, for a check
// against the teams file.
func (r *Roles) TeamRefs() []TeamRef {
	if r == nil {
		return nil
	}
	return teamRefs(r.byCN)
}

// LoadRoles reads a roles file.
func LoadRoles(path string) (*Roles, error) {
	v, _, err := ReadRoles(path)
	return v, err
}

// ReadRoles reads and checks a roles file as LoadRoles does, returning also the
// file's bytes: also when they were read but refused, so that a reload
// judges a refused file once per change.
func ReadRoles(path string) (*Roles, []byte, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("roles file: %w", err)
	}
	v, err := ParseRoles(b)
	if err != nil {
		return nil, b, fmt.Errorf("roles file %s: %w", path, err)
	}
	return v, b, nil
}

// ParseRoles parses and checks a roles file.
func ParseRoles(b []byte) (*Roles, error) {
	var f RolesFile
	if err := strictJSON(b, &f); err != nil {
		return nil, err
	}
	r := &Roles{byCN: make(map[string]*Identity, len(f.Certificates))}
	for i, e := range f.Certificates {
		if err := checkName(fmt.Sprintf("certificates[%d].cn", i), e.CN); err != nil {
			return nil, fmt.Errorf("%w (%q; a name is 1 to %d printable characters)", err, clipName(e.CN), MaxNameChars)
		}
		if _, dup := r.byCN[e.CN]; dup {
			return nil, fmt.Errorf("certificates[%d].cn %q: listed twice", i, e.CN)
		}
		roles, err := parseRoles(e.Roles, e.Team)
		if err != nil {
			return nil, fmt.Errorf("certificates[%d] (%s): %w", i, e.CN, err)
		}
		r.byCN[e.CN] = &Identity{Name: e.CN, Roles: roles, Via: "certificate"}
	}
	return r, nil
}

// Len is the number of certificate subjects listed.
func (r *Roles) Len() int {
	if r == nil {
		return 0
	}
	return len(r.byCN)
}
