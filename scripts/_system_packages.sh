# Sourced by demo.sh and test.sh: install with apt (as root or through sudo) the Debian
# packages named for the commands or files that are missing.
#   need_packages "node:nodejs" "npm:npm" "/usr/lib/chromium/chromium-headless-shell:chromium chromium-headless-shell"
# Each argument is "<command on PATH or absolute path>:<packages to install>".

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_packages() {
  local missing=() want have pkgs
  for want in "$@"; do
    have="${want%%:*}"
    pkgs="${want#*:}"
    if [[ "$have" == /* ]]; then [ -x "$have" ] && continue; else command -v "$have" >/dev/null && continue; fi
    # shellcheck disable=SC2206
    missing+=($pkgs)
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing with apt: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
