// plot_dimuon.C -- draws the di-muon invariant mass spectrum written by the
// DimuonSpectrum2011 analyzer (histogram "demo/GMmass") with a logarithmic x axis,
// and a zoom on the Z peak.
//   root -b -q 'plot_dimuon.C("DoubleMu.root")'
#include <TFile.h>
#include <TH1F.h>
#include <TCanvas.h>

void plot_dimuon(const char* input = "DoubleMu.root") {
  TFile* file = TFile::Open(input);
  TH1F* mass = file ? (TH1F*)file->Get("demo/GMmass") : nullptr;
  if (!mass) return;

  TCanvas full("full", "", 900, 600);
  full.SetLogx();
  full.SetLogy();
  mass->SetTitle(";m_{#mu#mu} (GeV);Events");
  mass->Draw("hist");
  full.SaveAs("dimuon_spectrum.png");

  TCanvas zoom("zoom", "", 700, 600);
  mass->GetXaxis()->SetRangeUser(60, 120);
  mass->Draw("e1");
  zoom.SaveAs("dimuon_z_peak.png");
}
