# The dashboard in tmux at 80x24: every view by its key (Wijzigingen, 9,
# has a tab only while it is open), Tab and Shift-Tab, help, resize to
# 140x45 and back, search, and q exiting with status 0.
export SNW_TODAY=2024-03-15
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "0 Overzicht"
tm_wait "Eigenaarschap, Inclusie en Democratie"
tm_wait "paneel 1/8"
tm_wait "Thema's en agenda"
tm_keys 1;   tm_wait "rij 1/"
tm_keys j;   tm_wait "rij 2/"
tm_keys G;   tm_wait "actielijnen · sortering: titel"
tm_keys 6;   tm_wait "Planning 2024"; tm_wait "Mijlpalen"; tm_wait "Zonder datum"
tm_keys 7;   tm_wait "Vergaderingen · sortering: datum, nieuwste eerst"
tm_keys 8;   tm_wait "open eerst, deadline"
tm_keys '?'; tm_wait "Toetsen — Esc of ? sluit deze hulp"; tm_wait "Shift-Tab"
tm_keys Escape; tm_wait "open eerst, deadline"
tm_keys 9;   tm_wait "Wijzigingen sinds de laatste AB-vergadering"
tm_keys Tab; tm_wait "paneel 1/8"
tm_keys BTab; tm_wait "Wijzigingen sinds"
tm_keys BTab; tm_wait "open eerst, deadline"
# resize: bigger, smaller than the minimum, back
tm resize-window -t t -x 140 -y 45
tm_wait "sortering: open eerst, deadline"
tm_keys 0; tm_wait "1 EID  2 VEILIG  3 WERK"
tm resize-window -t t -x 40 -y 10
tm_wait "Venster te klein"
tm resize-window -t t -x 80 -y 24
tm_wait "paneel 1/8"
# search
tm_keys / ; tm_wait "Zoek:"
tm_keys -l "wijk"; tm_keys Enter
tm_wait "treffer 1/"
tm_keys n; tm_wait "treffer 2/"
tm_keys q
tm_wait "[exit 0]"
